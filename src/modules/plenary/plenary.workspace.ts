import type { WorkspacePart } from '../workspace/workspace.js';

/** The lists of speakers in the event's menu, with the programme. */
export const plenaryWorkspace: WorkspacePart = {
  menu: [{ group: 'programme', label: 'workspace.menu.speakers', route: '/admin/events/:eventId/speakers' }],
};
