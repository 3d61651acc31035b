import type { WorkspacePart } from '../workspace/workspace.js';

/** The agenda builder in the event's menu (the programme's panel belongs to publishing). */
export const agendaWorkspace: WorkspacePart = {
  menu: [{ group: 'programme', label: 'workspace.menu.agenda', route: '/admin/events/:eventId/agenda' }],
};
