import { checksOf, loadWorkingProgramme } from '../agenda/index.js';
import type { WorkspacePart } from '../workspace/workspace.js';
import { draftNextVersion } from './publish.service.js';

/** Publishing in the menu; on the overview, the programme: its size, warnings and changes to publish. */
export const programmeWorkspace: WorkspacePart = {
  menu: [
    { group: 'programme', label: 'workspace.menu.publishing', route: '/admin/events/:eventId/programme' },
  ],
  overview: async ({ event }) => {
    const programme = await loadWorkingProgramme(event);
    const { previous, changelog } = await draftNextVersion(event, programme);
    const base = `/admin/events/${event.id}`;
    return {
      title: 'workspace.panel.programme',
      href: `${base}/agenda`,
      figures: [
        { label: 'workspace.figure.sessions', value: programme.sessions.length, href: `${base}/agenda` },
        { label: 'workspace.figure.roles', value: programme.assignments.length },
        {
          label: 'workspace.figure.publishedVersion',
          value: previous ? previous.number : '—',
          href: `${base}/programme`,
        },
      ],
      tasks: [
        {
          label: 'workspace.task.warnings',
          count: checksOf(event, programme).warnings.length,
          href: `${base}/programme`,
        },
        { label: 'workspace.task.unpublished', count: changelog.length, href: `${base}/programme` },
      ],
      empty: programme.sessions.length === 0 ? 'workspace.empty.programme' : undefined,
    };
  },
};
