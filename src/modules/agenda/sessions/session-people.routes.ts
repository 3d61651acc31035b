import { type Request, Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../../../shared/clock.js';
import { NotFoundError } from '../../../shared/errors.js';
import { parse } from '../../../shared/validate.js';
import { confirmedOrAsk, withoutConfirmation, type Confirmation } from '../../../web/confirm.js';
import { flash } from '../../../web/flash.js';
import { formBody, handleForm } from '../../../web/forms.js';
import { pathParam } from '../../../web/params.js';
import { actorOf } from '../../auth/index.js';
import { eventOf, localized, type EventView } from '../../events/index.js';
import {
  createPerson,
  displayName,
  getPerson,
  personFieldName,
  personFormLocals,
  personInput,
  personInputFromForm,
} from '../../people/index.js';
import { assignmentEffects, type AgendaHooks } from '../agenda.hooks.js';
import { assignmentInput, assignmentPatchInput } from '../agenda.schemas.js';
import type { AssignmentView, SessionView } from '../agenda.views.js';
import { ASSIGNMENT_ROLES } from '../assignments/assignment.model.js';
import {
  assignPerson,
  listAssignments,
  removeAssignment,
  updateAssignment,
} from '../assignments/assignment.service.js';
import { getSession } from './session.service.js';

/** The statuses a person may be put in a session with: the others are answers. */
const STARTING_STATUSES = ['proposed', 'invited', 'confirmed'] as const;

/** The role asked for alongside a new person: the rest of the form is the person form. */
const roleInput = z.strictObject({ role: z.enum(ASSIGNMENT_ROLES), status: z.enum(STARTING_STATUSES) });

/**
 * The people of a session: put someone in (found in the directory, or new), change their status,
 * take them out. Each change says on the session's page what it did.
 */
export function sessionPeopleRoutes(clock: Clock, hooks: AgendaHooks): Router {
  const router = Router();
  const base = '/admin/events/:eventId/sessions/:sessionId';
  // Back to the top of the session's page, where the message says what was done (its people follow).
  const peopleOfSession = (event: EventView, session: SessionView) =>
    `/admin/events/${event.id}/sessions/${session.id}`;

  /** Tells the next page who is now where, in which role and status. */
  const say = async (req: Request, key: string, assignment: AssignmentView) => {
    const person = await getPerson(assignment.personId);
    await flash(
      req,
      req.t(key, {
        name: displayName(person),
        role: req.t(`assignmentRoles.${assignment.role}`),
        status: req.t(`assignmentStatus.${assignment.status}`),
      }),
    );
  };

  router.post(`${base}/assignments`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const session = await getSession(event.id, pathParam(req, 'sessionId'));
    const assignment = await assignPerson(
      session,
      parse(assignmentInput, formBody(req)),
      actorOf(req),
      clock,
      assignmentEffects(hooks, event),
    );
    await say(req, 'flash.personAdded', assignment);
    res.redirect(303, peopleOfSession(event, session));
  });

  // Someone the directory does not have yet: created and put in the session in one form, so the
  // organizer lands back in the session instead of searching for them again.
  const newPersonPage = (req: Request, event: EventView, session: SessionView) => ({
    title: req.t('agenda.newPersonInSession'),
    ...personFormLocals(req.language),
    action: `/admin/events/${event.id}/sessions/${session.id}/people`,
    back: {
      href: peopleOfSession(event, session),
      label: localized(session.title, req.language, event.languages),
    },
    assign: {
      session: localized(session.title, req.language, event.languages),
      roles: ASSIGNMENT_ROLES,
      statuses: STARTING_STATUSES,
    },
  });

  router.get(`${base}/people/new`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const session = await getSession(event.id, pathParam(req, 'sessionId'));
    const role = ASSIGNMENT_ROLES.find((r) => r === req.query['role']) ?? 'speaker';
    res.render('people/form', { ...newPersonPage(req, event, session), values: { role } });
  });

  router.post(`${base}/people`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const session = await getSession(event.id, pathParam(req, 'sessionId'));
    const { role, status, ...fields } = formBody(req);
    const form = {
      view: 'people/form',
      locals: newPersonPage(req, event, session),
      values: formBody(req),
      fieldName: personFieldName,
    };
    await handleForm(req, res, form, async () => {
      const place = parse(roleInput, { role, status });
      const input = parse(personInput, personInputFromForm(fields, 'create'));
      const person = await createPerson(input, actorOf(req), clock);
      const assignment = await assignPerson(
        session,
        { personId: person.id, ...place },
        actorOf(req),
        clock,
        assignmentEffects(hooks, event),
      );
      await say(req, 'flash.personAdded', assignment);
      res.redirect(303, peopleOfSession(event, session));
    });
  });

  router.post(`${base}/assignments/:assignmentId`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const session = await getSession(event.id, pathParam(req, 'sessionId'));
    const patch = parse(assignmentPatchInput, withoutConfirmation(formBody(req)));
    if (patch.status === 'withdrawn') {
      const asked = await confirmedOrAsk(req, res, () =>
        assignmentConfirmation(req, event, session, 'withdraw'),
      );
      if (!asked) return;
    }
    const assignment = await updateAssignment(
      session.id,
      pathParam(req, 'assignmentId'),
      patch,
      actorOf(req),
      clock,
      assignmentEffects(hooks, event),
    );
    await say(req, 'flash.assignmentSaved', assignment);
    res.redirect(303, peopleOfSession(event, session));
  });

  router.post(`${base}/assignments/:assignmentId/delete`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const session = await getSession(event.id, pathParam(req, 'sessionId'));
    const assignment = await assignmentIn(session, pathParam(req, 'assignmentId'));
    const asked = await confirmedOrAsk(req, res, () => assignmentConfirmation(req, event, session, 'remove'));
    if (!asked) return;
    await removeAssignment(session.id, assignment.id, actorOf(req), clock);
    await say(req, 'flash.assignmentRemoved', assignment);
    res.redirect(303, peopleOfSession(event, session));
  });

  return router;
}

async function assignmentIn(session: SessionView, assignmentId: string): Promise<AssignmentView> {
  const assignment = (await listAssignments({ sessionId: session.id })).find((a) => a.id === assignmentId);
  if (!assignment) throw new NotFoundError();
  return assignment;
}

/** What withdrawing or removing a person from a session does, said before it is done. */
async function assignmentConfirmation(
  req: Request,
  event: EventView,
  session: SessionView,
  action: 'withdraw' | 'remove',
): Promise<Confirmation> {
  const assignment = await assignmentIn(session, pathParam(req, 'assignmentId'));
  const person = await getPerson(assignment.personId);
  const names = {
    name: displayName(person),
    role: req.t(`assignmentRoles.${assignment.role}`),
    session: localized(session.title, req.language, event.languages),
  };
  return {
    question: req.t(`confirm.${action}Assignment.question`, names),
    consequences: [req.t(`confirm.${action}Assignment.status`, names), req.t('confirm.assignmentNotice')],
    confirm: req.t(`confirm.${action}Assignment.confirm`),
    back: `/admin/events/${event.id}/sessions/${session.id}#people`,
  };
}
