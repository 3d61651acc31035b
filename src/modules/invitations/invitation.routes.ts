import { type Request, Router } from 'express';
import type { MailDeps } from './mail-context.js';
import { z } from 'zod';
import { objectId } from '../../shared/limits.js';
import { parse } from '../../shared/validate.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm } from '../../web/forms.js';
import { pathParam, queryOf } from '../../web/params.js';
import { actorOf, requireUser } from '../auth/index.js';
import {
  canEditEvent,
  eventOf,
  invitationSettingsInput,
  policy,
  updateInvitationSettings,
} from '../events/index.js';
import { answerRecord } from './answering/answer-record.js';
import { invitationDashboard, invitationPreview } from './invitation.presenters.js';
import { inviteAgain, sendInvitations, type InviteScope } from './sending/invite.service.js';
import { sendReminders } from './sending/reminder.service.js';

const scopeInput = z.strictObject({
  scope: z.enum(['all', 'session', 'assignment']).default('all'),
  sessionId: objectId().optional(),
  assignmentId: objectId().optional(),
});

const pageInput = z.strictObject({ page: z.coerce.number().int().min(1).max(10_000).default(1) });

function scopeOf(input: z.infer<typeof scopeInput>): InviteScope {
  if (input.scope === 'session' && input.sessionId) return { sessionId: input.sessionId };
  if (input.scope === 'assignment' && input.assignmentId) return { assignmentIds: [input.assignmentId] };
  return { all: true };
}

/** Organizers invite, follow the answers, remind, and set the deadline and reminder rhythm. */
export function invitationRoutes(deps: MailDeps): Router {
  const { clock } = deps;
  const router = Router();
  const base = '/admin/events/:eventId/invitations';
  router.use(base, requireUser);

  const dashboard = async (req: Request) => {
    const event = await eventOf(req);
    const { page } = req.method === 'GET' ? parse(pageInput, queryOf(req)) : { page: 1 };
    return {
      ...(await invitationDashboard(event, clock, req.t, req.language, page)),
      canEdit: await canEditEvent(req.user, event.id),
      values: {
        deadline: event.invitations.deadline ?? '',
        reminderDays: event.invitations.reminderDays,
        reminderMax: event.invitations.reminderMax,
      },
    };
  };

  router.get(base, async (req, res) => {
    res.render('invitations/dashboard', await dashboard(req));
  });

  router.get(`${base}/preview`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const scope = parse(scopeInput, queryOf(req));
    res.render(
      'invitations/preview',
      await invitationPreview(event, scopeOf(scope), scope, deps.settings, {
        t: req.t,
        language: req.language,
        now: clock.now(),
      }),
    );
  });

  router.post(`${base}/send`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const scope = scopeOf(parse(scopeInput, formBody(req)));
    const outcome = await sendInvitations(event, scope, actorOf(req), deps);
    await flash(req, req.t('flash.invitationsQueued', { count: outcome.queued }));
    res.redirect(303, `/admin/outbox/batches/${outcome.batchId}?event=${event.id}&kind=invitations`);
  });

  router.post(`${base}/:assignmentId/again`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const outcome = await inviteAgain(event, pathParam(req, 'assignmentId'), actorOf(req), deps);
    await flash(req, req.t('flash.invitationsQueued', { count: outcome.queued }));
    res.redirect(303, `/admin/outbox/batches/${outcome.batchId}?event=${event.id}&kind=invitations`);
  });

  router.post(`${base}/settings`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    const input = { ...body, deadline: body['deadline'] === '' ? undefined : body['deadline'] };
    await handleForm(
      req,
      res,
      { view: 'invitations/dashboard', locals: () => dashboard(req), values: body },
      async () => {
        await updateInvitationSettings(event.id, parse(invitationSettingsInput, input), actorOf(req), clock);
        await flash(req, req.t('flash.saved'));
        res.redirect(303, `/admin/events/${event.id}/invitations`);
      },
    );
  });

  router.post(`${base}/reminders`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const outcome = await sendReminders(event, deps);
    await flash(req, req.t('flash.remindersQueued', { count: outcome.queued }));
    res.redirect(303, `/admin/outbox/batches/${outcome.batchId}?event=${event.id}&kind=reminders`);
  });

  // One invitation and its answers: what the mail to the team links to. After the literal
  // paths above (`preview`), so those are never taken for an assignment.
  router.get(`${base}/:assignmentId`, async (req, res) => {
    const event = await eventOf(req);
    const can = await policy.forEvent(req.user, event.id);
    const record = await answerRecord(event, pathParam(req, 'assignmentId'), can, req.language);
    res.render('invitations/answer', {
      title: req.t('invitations.answerTitle', { name: record.name }),
      event,
      ...record,
      canEdit: can.edit,
    });
  });

  return router;
}
