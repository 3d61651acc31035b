import type { WorkspacePart } from '../workspace/workspace.js';
import { credentialsOfEvent } from './credentials/credentials.service.js';
import { credentialsUploadsOf } from './credentials/credentials.upload.js';
import { listsOfEvent } from './speakers-list/speakers.state.js';

/**
 * The lists of speakers in the event's menu, with the programme; credentials with the
 * delegations. On the overview: the lists, how many are published, the states by credentials
 * status, and the letters focal points sent that the team has not yet decided on.
 */
export const plenaryWorkspace: WorkspacePart = {
  menu: [
    { group: 'programme', label: 'workspace.menu.speakers', route: '/admin/events/:eventId/speakers' },
    {
      group: 'registration',
      label: 'workspace.menu.credentials',
      route: '/admin/events/:eventId/credentials',
    },
  ],
  overview: async ({ event, canEdit }) => {
    const [lists, credentials, uploads] = await Promise.all([
      listsOfEvent(event.id),
      credentialsOfEvent(event),
      credentialsUploadsOf(event.id),
    ]);
    const delegations = credentials.filter((row) => row.delegation);
    if (lists.length === 0 && delegations.length === 0) return undefined;
    const speakers = `/admin/events/${event.id}/speakers`;
    const credentialsPage = `/admin/events/${event.id}/credentials`;
    const states = (status: string) => credentials.filter((row) => row.status === status).length;
    // A letter a focal point sent after the team's last decision on that state (or before any).
    const toCheck = credentials.filter((row) => {
      const upload = row.delegation && uploads.get(row.delegation.id);
      return upload && (!row.record || row.record.recordedAt < upload.uploadedAt);
    }).length;
    return {
      title: 'workspace.panel.plenary',
      href: speakers,
      figures: [
        { label: 'workspace.figure.speakersLists', value: lists.length, href: speakers },
        {
          label: 'workspace.figure.speakersListsPublished',
          value: lists.filter((list) => list.publishedAt).length,
          of: lists.length,
        },
        ...(['accredited', 'provisional', 'not_accredited'] as const).map((status) => ({
          label: `credentials.statuses.${status}`,
          value: states(status),
          of: credentials.length,
          href: credentialsPage,
        })),
      ],
      tasks:
        canEdit && toCheck > 0
          ? [{ label: 'workspace.task.credentialsToCheck', count: toCheck, href: credentialsPage }]
          : [],
    };
  },
};
