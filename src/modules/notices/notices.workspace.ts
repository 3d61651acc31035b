import type { WorkspacePart } from '../workspace/workspace.js';

/** Announcements to the event's people, in the menu. */
export const noticesWorkspace: WorkspacePart = {
  menu: [
    { group: 'people', label: 'workspace.menu.announcements', route: '/admin/events/:eventId/announcements' },
  ],
};
