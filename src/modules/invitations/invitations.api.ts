import { z } from 'zod';
import type { Config } from '../../config/index.js';
import type { Clock } from '../../shared/clock.js';
import { objectId } from '../../shared/limits.js';
import type { ApiRegistry } from '../../web/api-registry.js';
import { actorOf, requireUser } from '../auth/index.js';
import { listAssignments } from '../agenda/index.js';
import { eventOf } from '../events/index.js';
import { invitationsOf, sendInvitations } from './sending/invite.service.js';
import { latestAnswers } from './answering/response.service.js';
import { mailSettingsOf } from './setup.js';

/** Invitations a page of the API list holds. */
const INVITATIONS_PER_PAGE = 500;

const listQuery = z.strictObject({
  after: objectId().optional().describe('The `next` of a page: gives the page after it'),
  limit: z.coerce.number().int().min(1).max(INVITATIONS_PER_PAGE).default(INVITATIONS_PER_PAGE),
});

const sendInput = z.strictObject({
  scope: z.enum(['all', 'session', 'assignments']),
  sessionId: objectId().optional(),
  assignmentIds: z.array(objectId()).max(5000).optional(),
});

/** Invitations over JSON: follow the answers, and invite as the page does. */
export function registerInvitationsApi(api: ApiRegistry, config: Config, clock: Clock): void {
  const tag = 'Invitations';
  api.describeTag(
    tag,
    "Invitations to the programme's people: each assignment with its invitation (sent, reminders, " +
      'deadline) and latest answer; sending invitations mails each person a private link to confirm ' +
      'or decline, in their language.',
  );
  const settings = mailSettingsOf(config);
  api.add({
    tag,
    access: 'signed-in',
    guards: [requireUser],
    operationId: 'listEventInvitations',
    method: 'get',
    path: '/events/:eventId/invitations',
    query: listQuery,
    summary:
      'Every assignment with its invitation (sent, reminders, deadline) and latest answer, ' +
      `${INVITATIONS_PER_PAGE} a page (limit= fewer) in the order the assignments were made ` +
      '(after= the next cursor)',
    response: z.object({
      invitations: z.array(
        z.object({
          assignmentId: z.string(),
          sessionId: z.string(),
          personId: z.string(),
          role: z.string(),
          status: z.string(),
          invitedAt: z.string().optional(),
          remindersSent: z.number().int().optional(),
          deadline: z.string().optional(),
          answeredAt: z.string().optional(),
        }),
      ),
      next: z.string().optional().describe('The cursor of the next page (after=)'),
    }),
    handler: async (req, _body, { after, limit }) => {
      const event = await eventOf(req);
      const [assignments, invitations] = await Promise.all([
        listAssignments({ eventId: event.id }),
        invitationsOf(event),
      ]);
      // Ids grow with time: an assignment made between pages comes at the end, never skipped.
      const rest = assignments
        .filter((a) => after === undefined || a.id > after)
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      const page = rest.slice(0, limit);
      const answers = await latestAnswers(page.map((a) => a.id).filter((id) => invitations.has(id)));
      const rows = page.map((a) => {
        const invitation = invitations.get(a.id);
        return {
          assignmentId: a.id,
          sessionId: a.sessionId,
          personId: a.personId,
          role: a.role,
          status: a.status,
          invitedAt: invitation?.invitedAt.toISOString(),
          remindersSent: invitation?.remindersSent,
          deadline: invitation?.deadline.toISOString(),
          answeredAt: answers.get(a.id)?.at.toISOString(),
        };
      });
      return { invitations: rows, ...(rest.length > page.length && { next: page.at(-1)!.id }) };
    },
  });
  api.add({
    tag,
    access: 'team',
    guards: [requireUser],
    operationId: 'sendInvitations',
    method: 'post',
    path: '/events/:eventId/invitations',
    status: 202,
    conflicts: { EVENT_ARCHIVED: 'the event is archived' },
    summary: 'Invite the proposed, never-invited assignments of the event, of one session, or listed',
    body: sendInput,
    response: z.object({ batchId: z.string(), queued: z.number().int(), withoutEmail: z.number().int() }),
    handler: async (req, body) => {
      const event = await eventOf(req, { edit: true });
      const scope =
        body.scope === 'session' && body.sessionId
          ? { sessionId: body.sessionId }
          : body.scope === 'assignments'
            ? { assignmentIds: body.assignmentIds ?? [] }
            : { all: true as const };
      return sendInvitations(event, scope, actorOf(req), { clock, settings });
    },
  });
}
