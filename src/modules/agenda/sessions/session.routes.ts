import { bySortKey } from '../../../shared/name-order.js';
import { type Request, Router } from 'express';
import type { Clock } from '../../../shared/clock.js';
import { LANGUAGES } from '../../../shared/i18n/index.js';
import { parse } from '../../../shared/validate.js';
import { confirmedOrAsk, withoutConfirmation } from '../../../web/confirm.js';
import { flash } from '../../../web/flash.js';
import { formBody, handleForm } from '../../../web/forms.js';
import { pathParam } from '../../../web/params.js';
import { actorOf, requireUser } from '../../auth/index.js';
import { eventPage, eventOf, historyLines, localized, policy, type EventView } from '../../events/index.js';
import { directoryPage, getPeople } from '../../people/index.js';
import { describeWarning, peopleOf } from '../agenda.presenters.js';
import { sessionInput, sessionPatchInput, sessionStatusInput } from '../agenda.schemas.js';
import { ASSIGNMENT_ROLES, ASSIGNMENT_STATUSES } from '../assignments/assignment.model.js';
import { checksOf, loadWorkingProgramme } from '../working-programme/working-programme.service.js';
import { formValuesOfSession, sessionFieldName, sessionInputFromForm } from './session.form.js';
import { SESSION_STATUSES, SESSION_TYPES } from './session.model.js';
import { createSession, getSession, updateSession } from './session.service.js';
import { sessionPeopleRoutes } from './session-people.routes.js';
import type { AgendaHooks } from '../agenda.hooks.js';

const formOptions = {
  sessionTypes: SESSION_TYPES,
  sessionStatuses: SESSION_STATUSES,
  languageOptions: LANGUAGES,
};

/** A session's page: its details and times, the people in it, its warnings; and the forms that change them. */
export function sessionRoutes(clock: Clock, hooks: AgendaHooks = {}): Router {
  const { onCapacityChanged } = hooks;
  const router = Router();
  const base = '/admin/events/:eventId/sessions';
  router.use(base, requireUser);

  /** The people a session's history names by id, by name (also those since removed from it). */
  const namesOf = async (ids: string[]) =>
    new Map((await getPeople(ids)).map((p) => [p.id, `${p.givenName} ${p.familyName}`]));

  const sessionPage = async (req: Request, event: EventView, sessionId: string) => {
    const session = await getSession(event.id, sessionId);
    const can = await policy.forEvent(req.user, event.id);
    const programme = await loadWorkingProgramme(event);
    const warnings = checksOf(event, programme)
      .warnings.filter((w) => w.sessionIds.includes(session.id))
      .map((w) => describeWarning(w, { event, programme, t: req.t, language: req.language }));
    const find = typeof req.query['find'] === 'string' ? req.query['find'].slice(0, 120) : '';
    return {
      ...eventPage(event, req.language, localized(session.title, req.language, event.languages)),
      event,
      session,
      people: peopleOf(session, programme.assignments, programme.people),
      warnings,
      find,
      // The directory pages in the order people were added; the few found are shown by name.
      candidates: find ? (await directoryPage({ q: find }, {}, 20)).people.sort(bySortKey) : [],
      roles: ASSIGNMENT_ROLES,
      statuses: ASSIGNMENT_STATUSES,
      canEdit: can.edit,
      history: await historyLines(req, { type: 'session', id: session.id }, can, { event, namesOf }),
      values: formValuesOfSession(session, event.timezone),
      ...formOptions,
    };
  };

  router.get(`${base}/new`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const day = typeof req.query['day'] === 'string' ? req.query['day'] : event.startDate;
    res.render('agenda/session-new', {
      ...eventPage(event, req.language, req.t('agenda.newSession')),
      event,
      values: { type: 'panel', date: day },
      ...formOptions,
    });
  });

  router.post(base, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    const form = {
      view: 'agenda/session-new',
      locals: { ...eventPage(event, req.language, req.t('agenda.newSession')), event, ...formOptions },
      values: body,
      fieldName: sessionFieldName,
    };
    await handleForm(req, res, form, async () => {
      const session = await createSession(
        event,
        parse(sessionInput, sessionInputFromForm(body, 'create')),
        actorOf(req),
        clock,
      );
      await flash(req, req.t('flash.sessionCreated'));
      res.redirect(303, `/admin/events/${event.id}/sessions/${session.id}`);
    });
  });

  router.get(`${base}/:sessionId`, async (req, res) => {
    const event = await eventOf(req);
    res.render('agenda/session', await sessionPage(req, event, pathParam(req, 'sessionId')));
  });

  router.post(`${base}/:sessionId`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const sessionId = pathParam(req, 'sessionId');
    const body = formBody(req);
    const locals = () => sessionPage(req, event, sessionId);
    await handleForm(
      req,
      res,
      { view: 'agenda/session', locals, values: body, fieldName: sessionFieldName },
      async () => {
        const patch = parse(sessionPatchInput, sessionInputFromForm(body, 'edit'));
        await updateSession(event, sessionId, patch, actorOf(req), clock);
        if (patch.capacity !== undefined) await onCapacityChanged?.(event, sessionId);
        await flash(req, req.t('flash.sessionSaved'));
        res.redirect(303, `/admin/events/${event.id}/sessions/${sessionId}`);
      },
    );
  });

  router.post(`${base}/:sessionId/status`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const sessionId = pathParam(req, 'sessionId');
    const { status } = parse(sessionStatusInput, withoutConfirmation(formBody(req)));
    if (status === 'cancelled') {
      const session = await getSession(event.id, sessionId);
      const title = localized(session.title, req.language, event.languages);
      const asked = await confirmedOrAsk(req, res, () => ({
        question: req.t('confirm.cancelSession.question', { session: title }),
        consequences: [req.t('confirm.cancelSession.programme'), req.t('confirm.cancelSession.people')],
        confirm: req.t('confirm.cancelSession.confirm'),
        back: `/admin/events/${event.id}/sessions/${sessionId}`,
      }));
      if (!asked) return;
    }
    await updateSession(event, sessionId, { status }, actorOf(req), clock);
    await flash(req, req.t('flash.sessionStatus', { status: req.t(`sessionStatus.${status}`) }));
    res.redirect(303, `/admin/events/${event.id}/sessions/${sessionId}`);
  });

  router.use(sessionPeopleRoutes(clock, hooks));

  return router;
}
