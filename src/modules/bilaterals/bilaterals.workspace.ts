import { OfferedSlot } from '../side-events/index.js';
import type { WorkspacePart } from '../workspace/workspace.js';
import { Bilateral, BilateralBooking } from './bilateral.model.js';

/**
 * The bilateral schedule in the event's menu; on the overview, the meetings asked and accepted
 * and the slots still free. Delegations decide on their meetings, so nothing waits on the team.
 */
export const bilateralsWorkspace: WorkspacePart = {
  menu: [{ group: 'onSite', label: 'workspace.menu.bilaterals', route: '/admin/events/:eventId/bilaterals' }],
  overview: async ({ event }) => {
    const [slots, booked, requested, accepted] = await Promise.all([
      OfferedSlot.countDocuments({ eventId: event.id, kind: 'bilateral' }),
      BilateralBooking.countDocuments({ eventId: event.id }),
      Bilateral.countDocuments({ eventId: event.id, state: 'requested' }),
      Bilateral.countDocuments({ eventId: event.id, state: 'accepted' }),
    ]);
    if (slots === 0 && requested + accepted === 0) return undefined;
    const href = `/admin/events/${event.id}/bilaterals`;
    return {
      title: 'workspace.panel.bilaterals',
      href,
      figures: [
        { label: 'workspace.figure.bilateralsRequested', value: requested },
        { label: 'workspace.figure.bilateralsAccepted', value: accepted, href },
        {
          label: 'workspace.figure.bilateralSlotsFree',
          value: Math.max(0, slots - booked),
          of: slots,
        },
      ],
      tasks: [],
    };
  },
};
