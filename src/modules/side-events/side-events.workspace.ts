import type { WorkspacePart } from '../workspace/workspace.js';
import { proposalCounts } from './proposal.list.js';

/** Side events in the menu (proposals, the call's settings) and their panel on the overview. */
export const sideEventsWorkspace: WorkspacePart = {
  menu: [
    { group: 'programme', label: 'workspace.menu.sideEvents', route: '/admin/events/:eventId/side-events' },
    {
      group: 'settings',
      label: 'workspace.menu.sideEventCall',
      route: '/admin/events/:eventId/side-events/settings',
    },
  ],
  overview: async ({ event }) => {
    const counts = await proposalCounts(event.id);
    if (Object.values(counts).every((n) => n === 0)) return undefined;
    const href = `/admin/events/${event.id}/side-events`;
    const count = (state: keyof typeof counts) => counts[state];
    return {
      title: 'workspace.panel.sideEvents',
      href,
      figures: (['accepted', 'waitlisted', 'rejected'] as const).map((state) => ({
        label: `sideEvents.states.${state}`,
        value: count(state),
        href: `${href}?state=${state}`,
      })),
      tasks: [
        {
          label: 'workspace.task.proposalsToReview',
          count: count('submitted') + count('under_review'),
          href: `${href}?state=submitted`,
        },
      ],
    };
  },
};
