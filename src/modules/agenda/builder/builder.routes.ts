import { Router } from 'express';
import type { Clock } from '../../../shared/clock.js';
import { parse } from '../../../shared/validate.js';
import { formBody } from '../../../web/forms.js';
import { datesBetween, formatDay } from '../../../shared/zoned-time.js';
import { SESSION_TYPES } from '../sessions/session.model.js';
import { actorOf, requireUser } from '../../auth/index.js';
import { sessionMoveInput } from '../agenda.schemas.js';
import { moveSession } from '../sessions/session.service.js';
import { eventPage, localized, canEditEvent, eventOf } from '../../events/index.js';
import { describeWarning, peopleOf, whenOf } from '../agenda.presenters.js';
import { layoutDay, peopleShown } from './builder.js';
import { checksOf, loadWorkingProgramme } from '../working-programme/working-programme.service.js';
import { LANGUAGES } from '../../../shared/i18n/index.js';

/** The agenda builder: one page per day, rooms as columns, and the checks beside it. */
export function builderRoutes(clock: Clock): Router {
  const router = Router();

  // A block dropped on another room or time (the builder's script posts this form); without a
  // script, the session's own page changes its room and time.
  router.post('/admin/events/:eventId/agenda/move', requireUser, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const { sessionId, ...move } = parse(sessionMoveInput, formBody(req));
    await moveSession(event, sessionId, move, actorOf(req), clock);
    res.redirect(
      303,
      `/admin/events/${event.id}/agenda?day=${move.date}&moved=${sessionId}#session-${sessionId}`,
    );
  });

  router.get('/admin/events/:eventId/agenda', requireUser, async (req, res) => {
    const event = await eventOf(req);
    const days = datesBetween(event.startDate, event.endDate);
    const requested = typeof req.query['day'] === 'string' ? req.query['day'] : undefined;
    const day = requested && (days.includes(requested) || requested === 'unscheduled') ? requested : days[0]!;
    const programme = await loadWorkingProgramme(event);
    const { warnings, figures } = checksOf(event, programme);
    const flagged = new Map<string, number>();
    for (const w of warnings) for (const id of w.sessionIds) flagged.set(id, (flagged.get(id) ?? 0) + 1);
    const titleOf = (s: (typeof programme.sessions)[number]) =>
      localized(s.title, req.language, event.languages);
    const card = (s: (typeof programme.sessions)[number]) => {
      const people = peopleOf(s, programme.assignments, programme.people).map((p) => ({
        name: p.name,
        role: p.assignment.role,
        status: p.assignment.status,
        line: `${req.t(`assignmentRoles.${p.assignment.role}`)}: ${p.name} (${req.t(`assignmentStatus.${p.assignment.status}`)})`,
      }));
      const title = titleOf(s);
      return {
        id: s.id,
        revision: s.revision,
        type: s.type,
        status: s.status,
        title,
        when: whenOf(s, event),
        people,
        // The whole block in words, for its tooltip: what the block's edge may cut.
        full: [`${req.t(`sessionTypes.${s.type}`)}: ${title}`, ...people.map((p) => p.line)].join('\n'),
        warnings: flagged.get(s.id) ?? 0,
      };
    };
    const titles = new Map(programme.sessions.map((s) => [s.id, titleOf(s)]));
    const layout =
      day === 'unscheduled' ? undefined : layoutDay(event, programme.sessions, day, req.t('agenda.noRoom'));
    res.render('agenda/builder', {
      ...eventPage(event, req.language, req.t('agenda.builder')),
      event,
      eventTitle: localized(event.title, req.language, event.languages),
      day,
      days: days.map((d) => ({ date: d, label: formatDay(d, req.language) })),
      layout: layout && {
        ...layout,
        blocks: layout.blocks.map((b) => {
          const shown = card(b.session);
          return { ...b, card: shown, peopleShown: peopleShown(b, shown.people.length) };
        }),
      },
      unscheduled: programme.sessions.filter((s) => !s.startsAt).map(card),
      warnings: warnings.map((w) => ({
        ...describeWarning(w, { event, programme, t: req.t, language: req.language }),
        sessions: w.sessionIds.map((id) => ({ id, title: titles.get(id) ?? id })),
      })),
      figures,
      canEdit: await canEditEvent(req.user, event.id),
      moved: typeof req.query['moved'] === 'string' ? req.query['moved'] : undefined,
      sessionTypes: SESSION_TYPES,
      languageOptions: LANGUAGES,
      values: { date: day === 'unscheduled' ? '' : day, type: 'panel' },
    });
  });

  return router;
}
