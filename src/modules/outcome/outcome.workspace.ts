import type { WorkspacePart } from '../workspace/workspace.js';

/** The negotiated texts in the menu, beside the official documents. */
export const outcomeWorkspace: WorkspacePart = {
  menu: [{ group: 'programme', label: 'workspace.menu.outcome', route: '/admin/events/:eventId/outcome' }],
};
