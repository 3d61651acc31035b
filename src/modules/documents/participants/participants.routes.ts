import { Router } from 'express';
import type { Clock } from '../../../shared/clock.js';
import { translatorFor } from '../../../shared/i18n/index.js';
import { pathParam } from '../../../web/params.js';
import { requireUser } from '../../auth/index.js';
import { eventOf, getPublicEvent } from '../../events/index.js';
import { z } from 'zod';
import { NotFoundError } from '../../../shared/errors.js';
import { BADGES_PER_PDF, LIST_ENTRIES_PER_PDF } from '../../../shared/limits.js';
import { parse } from '../../../shared/validate.js';
import { pdfPart, pdfPartQuery, queryOf } from '../../../web/params.js';
import { badgesLayout, inBadgeOrder } from '../badges/badges.js';
import { CATEGORIES } from '../../registrations/index.js';
import { documentLanguage, sendPdf } from '../programme-pdf/programme.routes.js';
import type { DocumentDeps } from '../programme-pdf/programme.service.js';
import { participantsPart, type ListAudience } from '../../registrations/index.js';
import { inListOrder, participantListLayout } from './participants.js';

const badgesQuery = z.strictObject({
  category: z.enum(CATEGORIES).optional(),
  part: pdfPart,
});

/**
 * Participant lists and badges. The public list shows confirmed people who agreed to be listed;
 * the full list and the badges are for the event's organizers only.
 */
export function participantDocumentRoutes(deps: DocumentDeps, clock: Clock): Router {
  const router = Router();

  // A list of more than LIST_ENTRIES_PER_PDF prints in numbered parts (`?part=`), as badges do.
  const list = async (
    event: Parameters<typeof participantListLayout>[0],
    audience: ListAudience,
    language: ReturnType<typeof documentLanguage>,
    part: number,
  ) => {
    const cut = await participantsPart(event.id, audience, {
      order: (placed) => inListOrder(placed, language),
      part,
      perPart: LIST_ENTRIES_PER_PDF,
    });
    if (!cut) throw new NotFoundError();
    const layout = participantListLayout(
      event,
      { ...cut, part },
      language,
      translatorFor(language),
      audience,
      clock.now(),
    );
    return deps.renderer.render({ kind: 'list', layout });
  };
  const partOf = (req: Parameters<typeof queryOf>[0]) => parse(pdfPartQuery, queryOf(req)).part;
  const partName = (part: number) => (part > 1 ? `-${part}` : '');

  router.get('/events/:slug/participants.pdf', async (req, res) => {
    const language = documentLanguage(req);
    const event = await getPublicEvent(pathParam(req, 'slug'));
    sendPdf(
      res,
      await list(event, 'public', language, partOf(req)),
      `${event.slug}-participants-${language}${partName(partOf(req))}.pdf`,
      'private',
    );
  });

  router.get('/admin/events/:eventId/participants.pdf', requireUser, async (req, res) => {
    const language = documentLanguage(req);
    const event = await eventOf(req, { edit: true });
    sendPdf(
      res,
      await list(event, 'organizers', language, partOf(req)),
      `${event.slug}-participants-full-${language}${partName(partOf(req))}.pdf`,
      'private',
    );
  });

  // Badges print in parts of BADGES_PER_PDF (the page links each): one PDF stays within the time limit.
  router.get('/admin/events/:eventId/badges.pdf', requireUser, async (req, res) => {
    const language = documentLanguage(req);
    const event = await eventOf(req, { edit: true });
    const { category, part } = parse(badgesQuery, queryOf(req));
    const cut = await participantsPart(event.id, 'organizers', {
      order: (placed) => inBadgeOrder(placed, language),
      part,
      perPart: BADGES_PER_PDF,
      ...(category && { where: { category } }),
    });
    if (!cut) throw new NotFoundError();
    const { participants: printed, parts } = cut;
    const layout = await badgesLayout(event, printed, language, translatorFor(language), clock);
    const pdf = await deps.renderer.render({ kind: 'badges', layout });
    sendPdf(res, pdf, `${event.slug}-badges${parts > 1 ? `-${part}-of-${parts}` : ''}.pdf`, 'private');
  });

  return router;
}
