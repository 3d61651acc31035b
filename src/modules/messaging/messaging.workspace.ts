import type { WorkspacePart } from '../workspace/workspace.js';
import { Message } from './message.model.js';
import { relatedKey } from './outbox.service.js';

/** The event's mails in the menu; on the overview, the mails that could not be delivered. */
export const messagingWorkspace: WorkspacePart = {
  menu: [{ group: 'people', label: 'workspace.menu.mails', route: '/admin/outbox', query: 'event=:eventId' }],
  overview: async ({ event }) => {
    const about = relatedKey({ type: 'event', id: event.id });
    const failed = await Message.countDocuments({ status: 'failed', relatedKeys: about });
    return {
      title: 'workspace.panel.mails',
      href: `/admin/outbox?event=${event.id}`,
      figures: [
        {
          label: 'workspace.figure.mailsFailed',
          value: failed,
          href: `/admin/outbox?event=${event.id}&status=failed`,
        },
      ],
      tasks: [
        {
          label: 'workspace.task.mailsFailed',
          count: failed,
          href: `/admin/outbox?event=${event.id}&status=failed`,
        },
      ],
    };
  },
};
