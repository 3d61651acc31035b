import type { Clock } from '../../shared/clock.js';
import type { WorkspacePart } from '../workspace/workspace.js';
import { presenceCounts } from './checkin/checkin.service.js';

/** Check-in, letters and downloads in the menu; on the overview, who came each day. */
export function documentsWorkspace(clock: Clock): WorkspacePart {
  return {
    menu: [
      { group: 'onSite', label: 'workspace.menu.checkIn', route: '/admin/events/:eventId/check-in' },
      { group: 'outputs', label: 'workspace.menu.downloads', route: '/admin/events/:eventId/downloads' },
      { group: 'outputs', label: 'workspace.menu.letters', route: '/admin/events/:eventId/letters' },
    ],
    overview: async ({ event, canEdit }) => {
      if (!canEdit) return undefined;
      const presence = await presenceCounts(event, clock);
      return {
        title: 'workspace.panel.checkIn',
        href: `/admin/events/${event.id}/check-in`,
        figures: presence.days.map((day) => ({
          label: 'workspace.figure.presentOn',
          day,
          value: presence.totals[day] ?? 0,
        })),
        tasks: [],
        countedAt: presence.countedAt,
      };
    },
  };
}
