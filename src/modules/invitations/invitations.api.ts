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

const sendInput = z.strictObject({
  scope: z.enum(['all', 'session', 'assignments']),
  sessionId: objectId().optional(),
  assignmentIds: z.array(objectId()).max(5000).optional(),
});

/** Invitations over JSON: follow the answers, and invite as the page does. */
export function registerInvitationsApi(api: ApiRegistry, config: Config, clock: Clock): void {
  const tag = 'Invitations';
  const settings = mailSettingsOf(config);
  api.add({
    tag,
    access: 'any signed-in user',
    guards: [requireUser],
    method: 'get',
    path: '/events/:eventId/invitations',
    summary: 'Every assignment with its invitation (sent, reminders, deadline) and latest answer',
    response: z.array(
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
    handler: async (req) => {
      const event = await eventOf(req);
      const [assignments, invitations] = await Promise.all([
        listAssignments({ eventId: event.id }),
        invitationsOf(event),
      ]);
      const answers = await latestAnswers([...invitations.keys()]);
      return assignments.map((a) => {
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
    },
  });
  api.add({
    tag,
    access: "admin, or an organizer in the event's team",
    guards: [requireUser],
    method: 'post',
    path: '/events/:eventId/invitations',
    status: 202,
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
