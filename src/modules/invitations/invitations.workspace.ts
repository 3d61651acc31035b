import type { Clock } from '../../shared/clock.js';
import { ASSIGNMENT_STATUSES, listAssignments } from '../agenda/index.js';
import type { WorkspacePart } from '../workspace/workspace.js';
import { invitationsOf } from './sending/invite.service.js';
import { countDueReminders } from './sending/reminder.service.js';

/** Invitations and their mail templates in the menu; on the overview, where the answers stand. */
export function invitationsWorkspace(clock: Clock): WorkspacePart {
  return {
    menu: [
      { group: 'people', label: 'workspace.menu.invitations', route: '/admin/events/:eventId/invitations' },
      {
        group: 'settings',
        label: 'workspace.menu.mailTemplates',
        route: '/admin/events/:eventId/mail-templates',
      },
    ],
    overview: async ({ event }) => {
      const [assignments, invitations] = await Promise.all([
        listAssignments({ eventId: event.id }),
        invitationsOf(event),
      ]);
      const count = (status: string) => assignments.filter((a) => a.status === status).length;
      const now = clock.now();
      const pastDeadline = assignments.filter((a) => {
        const invitation = invitations.get(a.id);
        return a.status === 'invited' && invitation !== undefined && invitation.deadline < now;
      }).length;
      const href = `/admin/events/${event.id}/invitations`;
      return {
        title: 'workspace.panel.invitations',
        href,
        figures: ASSIGNMENT_STATUSES.map((status) => ({
          label: `workspace.figure.assignment.${status}`,
          value: count(status),
        })),
        tasks: [
          { label: 'workspace.task.notInvited', count: count('proposed'), href },
          { label: 'workspace.task.pastDeadline', count: pastDeadline, href },
          { label: 'workspace.task.remindersDue', count: await countDueReminders(event, clock), href },
          { label: 'workspace.task.declined', count: count('declined'), href },
        ],
        empty: assignments.length === 0 ? 'workspace.empty.invitations' : undefined,
      };
    },
  };
}
