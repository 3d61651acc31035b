import type { WorkspacePart } from '../workspace/workspace.js';

/** The lists of speakers in the event's menu, with the programme; credentials with the delegations; seating on site. */
export const plenaryWorkspace: WorkspacePart = {
  menu: [
    { group: 'programme', label: 'workspace.menu.speakers', route: '/admin/events/:eventId/speakers' },
    {
      group: 'registration',
      label: 'workspace.menu.credentials',
      route: '/admin/events/:eventId/credentials',
    },
  ],
};
