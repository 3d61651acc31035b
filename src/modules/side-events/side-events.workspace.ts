import type { WorkspacePart } from '../workspace/workspace.js';
import { proposalsOf } from './proposal.service.js';

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
    const all = await proposalsOf(event.id);
    if (all.length === 0) return undefined;
    const href = `/admin/events/${event.id}/side-events`;
    const count = (state: string) => all.filter((p) => p.state === state).length;
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
