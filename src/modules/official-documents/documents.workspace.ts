import type { WorkspacePart } from '../workspace/workspace.js';
import { OfficialDocument } from './document.model.js';

/** The register in the menu; on the overview, the documents and the drafts that wait for review. */
export const officialDocumentsWorkspace: WorkspacePart = {
  menu: [
    {
      group: 'programme',
      label: 'workspace.menu.officialDocuments',
      route: '/admin/events/:eventId/documents',
    },
  ],
  overview: async ({ event, canEdit }) => {
    const drafts = await OfficialDocument.countDocuments({ eventId: event.id, audience: 'team' });
    const total = await OfficialDocument.countDocuments({ eventId: event.id });
    return {
      title: 'workspace.panel.officialDocuments',
      href: `/admin/events/${event.id}/documents`,
      figures: [{ label: 'workspace.figure.documents', value: total }],
      tasks:
        canEdit && drafts > 0
          ? [
              {
                label: 'workspace.task.documentDrafts',
                count: drafts,
                href: `/admin/events/${event.id}/documents`,
              },
            ]
          : [],
      empty: total === 0 ? 'workspace.empty.officialDocuments' : undefined,
    };
  },
};
