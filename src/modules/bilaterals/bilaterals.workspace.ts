import type { WorkspacePart } from '../workspace/workspace.js';

/** The bilateral schedule in the event's menu. */
export const bilateralsWorkspace: WorkspacePart = {
  menu: [{ group: 'onSite', label: 'workspace.menu.bilaterals', route: '/admin/events/:eventId/bilaterals' }],
};
