import type { WorkspacePart } from '../workspace/workspace.js';

/** The event's own details, rooms and team, under settings. */
export const eventsWorkspace: WorkspacePart = {
  menu: [
    { group: 'settings', label: 'workspace.menu.eventSettings', route: '/admin/events/:eventId/settings' },
  ],
};
