import { Router } from 'express';
import type { Clock } from '../../../shared/clock.js';
import { BADGES_PER_PDF, LIST_ENTRIES_PER_PDF } from '../../../shared/limits.js';
import { eventPage, eventWithPermissions } from '../../events/index.js';
import {
  countOf,
  registrationFigures,
  registrationRules,
  type SeatAllocator,
} from '../../registrations/index.js';

/**
 * Everything an event's team prints or exports, in one page: participant lists and badges (in
 * numbered parts beyond their size), letters, spreadsheets and the public programme's files.
 */
export function downloadRoutes(deps: { clock: Clock; seats: SeatAllocator }): Router {
  const router = Router();

  router.get('/admin/events/:eventId/downloads', async (req, res) => {
    const { event, can } = await eventWithPermissions(req);
    const rules = await registrationRules(event);
    const figures = await registrationFigures(
      event.id,
      rules.categories.map((c) => c.key),
      deps,
    );
    const confirmed = countOf(figures, { status: 'confirmed' });
    res.render('documents/downloads', {
      ...eventPage(event, req.language, req.t('workspace.menu.downloads')),
      event,
      canEdit: can.edit,
      confirmed,
      countedAt: figures.countedAt,
      listed: figures.listed,
      badgeParts: Math.ceil(confirmed / BADGES_PER_PDF),
      badgesPerPart: BADGES_PER_PDF,
      listParts: Math.ceil(confirmed / LIST_ENTRIES_PER_PDF),
      listEntriesPerPart: LIST_ENTRIES_PER_PDF,
    });
  });

  return router;
}
