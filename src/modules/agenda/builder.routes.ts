import { Router } from 'express';
import { datesBetween, formatDay } from '../../shared/zoned-time.js';
import { SESSION_TYPES } from './session.model.js';
import { requireUser } from '../auth/index.js';
import { localized, canEditEvent, eventOf } from '../events/index.js';
import { describeWarning, peopleOf, whenOf } from './agenda.presenters.js';
import { layoutDay } from './builder.js';
import { checksOf, loadWorkingProgramme } from './programme.service.js';
import { LANGUAGES } from '../../shared/i18n/index.js';

/** The agenda builder: one page per day, rooms as columns, and the checks beside it. */
export function builderRoutes(): Router {
  const router = Router();

  router.get('/admin/events/:eventId/agenda', requireUser, async (req, res) => {
    const event = await eventOf(req);
    const days = datesBetween(event.startDate, event.endDate);
    const requested = typeof req.query['day'] === 'string' ? req.query['day'] : undefined;
    const day = requested && (days.includes(requested) || requested === 'unscheduled') ? requested : days[0]!;
    const programme = await loadWorkingProgramme(event);
    const { warnings, figures } = checksOf(event, programme);
    const flagged = new Map<string, number>();
    for (const w of warnings) for (const id of w.sessionIds) flagged.set(id, (flagged.get(id) ?? 0) + 1);
    const card = (s: (typeof programme.sessions)[number]) => ({
      id: s.id,
      type: s.type,
      status: s.status,
      title: localized(s.title, req.language, event.languages),
      when: whenOf(s, event),
      people: peopleOf(s, programme.assignments, programme.people).map((p) => ({
        name: p.name,
        role: p.assignment.role,
        status: p.assignment.status,
      })),
      warnings: flagged.get(s.id) ?? 0,
    });
    const layout =
      day === 'unscheduled' ? undefined : layoutDay(event, programme.sessions, day, req.t('agenda.noRoom'));
    res.render('agenda/builder', {
      title: req.t('agenda.builder'),
      event,
      eventTitle: localized(event.title, req.language, event.languages),
      day,
      days: days.map((d) => ({ date: d, label: formatDay(d, req.language) })),
      layout: layout && {
        ...layout,
        blocks: layout.blocks.map((b) => ({ ...b, card: card(b.session) })),
      },
      unscheduled: programme.sessions.filter((s) => !s.startsAt).map(card),
      warnings: warnings.map((w) =>
        describeWarning(w, { event, programme, t: req.t, language: req.language }),
      ),
      figures,
      canEdit: await canEditEvent(req.user, event.id),
      sessionTypes: SESSION_TYPES,
      languageOptions: LANGUAGES,
      values: { date: day === 'unscheduled' ? '' : day, type: 'panel' },
    });
  });

  return router;
}
