import { Router } from 'express';
import type { Clock } from '../../../shared/clock.js';
import { translatorFor } from '../../../shared/i18n/index.js';
import { pathParam } from '../../../web/params.js';
import { requireUser } from '../../auth/index.js';
import { eventOf, getPublicEvent } from '../../events/index.js';
import { z } from 'zod';
import { NotFoundError } from '../../../shared/errors.js';
import { BADGES_PER_PDF } from '../../../shared/limits.js';
import { parse } from '../../../shared/validate.js';
import { queryOf } from '../../../web/params.js';
import { badgesLayout, inBadgeOrder } from '../badges/badges.js';
import { CATEGORIES } from '../../registrations/index.js';
import { documentLanguage, sendPdf } from '../programme-pdf/programme.routes.js';
import type { DocumentDeps } from '../programme-pdf/programme.service.js';
import { confirmedParticipants, type ListAudience } from '../../registrations/index.js';
import { participantListLayout } from './participants.js';

const badgesQuery = z.strictObject({
  category: z.enum(CATEGORIES).optional(),
  part: z.coerce.number().int().min(1).max(10_000).default(1),
});

/**
 * Participant lists and badges. The public list shows confirmed people who agreed to be listed;
 * the full list and the badges are for the event's organizers only.
 */
export function participantDocumentRoutes(deps: DocumentDeps, clock: Clock): Router {
  const router = Router();

  const list = async (
    event: Parameters<typeof participantListLayout>[0],
    audience: ListAudience,
    language: ReturnType<typeof documentLanguage>,
  ) => {
    const participants = await confirmedParticipants(event.id, audience);
    const layout = participantListLayout(
      event,
      participants,
      language,
      translatorFor(language),
      audience,
      clock.now(),
    );
    return deps.renderer.render({ kind: 'list', layout });
  };

  router.get('/events/:slug/participants.pdf', async (req, res) => {
    const language = documentLanguage(req);
    const event = await getPublicEvent(pathParam(req, 'slug'));
    sendPdf(
      res,
      await list(event, 'public', language),
      `${event.slug}-participants-${language}.pdf`,
      'private',
    );
  });

  router.get('/admin/events/:eventId/participants.pdf', requireUser, async (req, res) => {
    const language = documentLanguage(req);
    const event = await eventOf(req, { edit: true });
    sendPdf(
      res,
      await list(event, 'organizers', language),
      `${event.slug}-participants-full-${language}.pdf`,
      'private',
    );
  });

  // Badges print in parts of BADGES_PER_PDF (the page links each): one PDF stays within the time limit.
  router.get('/admin/events/:eventId/badges.pdf', requireUser, async (req, res) => {
    const language = documentLanguage(req);
    const event = await eventOf(req, { edit: true });
    const { category, part } = parse(badgesQuery, queryOf(req));
    const participants = (await confirmedParticipants(event.id, 'organizers')).filter(
      (p) => !category || p.registration.category === category,
    );
    const parts = Math.max(1, Math.ceil(participants.length / BADGES_PER_PDF));
    if (part > parts) throw new NotFoundError();
    const printed = inBadgeOrder(participants, language).slice(
      (part - 1) * BADGES_PER_PDF,
      part * BADGES_PER_PDF,
    );
    const layout = await badgesLayout(event, printed, language, translatorFor(language), clock);
    const pdf = await deps.renderer.render({ kind: 'badges', layout });
    sendPdf(res, pdf, `${event.slug}-badges${parts > 1 ? `-${part}-of-${parts}` : ''}.pdf`, 'private');
  });

  return router;
}
