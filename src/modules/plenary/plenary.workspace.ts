import type { WorkspacePart } from '../workspace/workspace.js';
import { credentialsOfEvent } from './credentials/credentials.service.js';
import { listsOfEvent } from './speakers-list/speakers.state.js';

/**
 * The lists of speakers in the event's menu, with the programme; credentials with the
 * delegations. On the overview: the lists, how many are published, and the states by
 * credentials status, each with the page that shows them.
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
  overview: async ({ event }) => {
    const [lists, credentials] = await Promise.all([listsOfEvent(event.id), credentialsOfEvent(event)]);
    const delegations = credentials.filter((row) => row.delegation);
    if (lists.length === 0 && delegations.length === 0) return undefined;
    const speakers = `/admin/events/${event.id}/speakers`;
    const credentialsPage = `/admin/events/${event.id}/credentials`;
    const states = (status: string) => credentials.filter((row) => row.status === status).length;
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
      tasks: [],
    };
  },
};
