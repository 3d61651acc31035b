import { type Request, Router } from 'express';
import { z } from 'zod';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config/index.js';
import type { Clock } from '../../shared/clock.js';
import { ForbiddenError, NotFoundError } from '../../shared/errors.js';
import { emlFileName } from './transport.js';
import { envelopeOf } from '../../shared/mailbox.js';
import { objectId, text } from '../../shared/limits.js';
import { parse } from '../../shared/validate.js';
import { confirmedOrAsk } from '../../web/confirm.js';
import { pathParam, queryOf, pageCursor } from '../../web/params.js';
import { actorOf, requireRole, requireUser } from '../auth/index.js';
import { policy, timeZonesOf, type Permissions } from '../events/index.js';
import { batchProgress } from './history.service.js';
import { MESSAGE_STATUSES } from './message.model.js';
import { cancelMessage, getMessage, listMessages, retryMessage, type MessageView } from './outbox.service.js';

const outboxQuery = z.strictObject({
  status: z.enum(MESSAGE_STATUSES).optional(),
  template: text('short').optional(),
  to: text('short').optional(),
  batch: z.uuid().optional(),
  event: objectId().optional(),
  after: pageCursor.optional(),
  before: pageCursor.optional(),
});

const batchQuery = z.strictObject({
  event: z
    .string()
    .regex(/^[a-f0-9]{24}$/)
    .optional(),
  kind: z.enum(['invitations', 'reminders', 'notices', 'announcements']).optional(),
});

/**
 * A mail's addresses and contents (its private links) follow its event's policy: admins and the
 * event's team; others read the list without them. A mail of no event falls under the policy's
 * rule for records of no event.
 */
const permissionsOver = (req: Request, message: MessageView): Promise<Permissions> =>
  message.eventIds.length > 0
    ? policy.forEvents(req.user, message.eventIds)
    : Promise.resolve(policy.forNoEvent(req.user));
const withoutAddresses = (m: MessageView): MessageView => ({
  ...m,
  to: m.to.map((r) => ({ name: r.name, email: '' })),
});

/** A mail's times are shown in its event's zone; a mail of no event in UTC, said so. */
export const zoneOf = (message: Pick<MessageView, 'eventIds'>, zones: Map<string, string>): string =>
  message.eventIds.map((id) => zones.get(id)).find(Boolean) ?? 'UTC';

/** The message, for someone allowed its contents (403 otherwise). */
async function openMessage(req: Request): Promise<MessageView> {
  const message = await getMessage(pathParam(req, 'id'));
  if (!(await permissionsOver(req, message)).mailContents) throw new ForbiddenError();
  return message;
}

/** The outbox for organizers: every mail with its status, openable as sent; retry or cancel. */
export function outboxRoutes(config: Config, clock: Clock): Router {
  const writesFiles = !config.mail.smtpUrl;
  const router = Router();
  router.use('/admin/outbox', requireUser);

  router.get('/admin/outbox', async (req, res) => {
    const filter = parse(outboxQuery, queryOf(req));
    const result = await listMessages(filter);
    const teams = req.user?.role === 'organizer' ? await policy.teamOf(req.user) : undefined;
    const zones = await timeZonesOf(result.messages.flatMap((m) => m.eventIds));
    const messages = await Promise.all(
      result.messages.map(async (m) => {
        const can =
          m.eventIds.length > 0
            ? await policy.forEvents(req.user, m.eventIds, teams)
            : policy.forNoEvent(req.user);
        return {
          ...(can.mailContents ? m : withoutAddresses(m)),
          open: can.mailContents,
          zone: zoneOf(m, zones),
        };
      }),
    );
    res.render('messaging/outbox', {
      title: req.t('outbox.title'),
      ...result,
      messages,
      filter,
      statuses: MESSAGE_STATUSES,
      writesFiles,
    });
  });

  // A bulk send's progress; the page refreshes itself (no script needed) until nothing is pending.
  router.get('/admin/outbox/batches/:batchId', async (req, res) => {
    const batchId = parse(z.uuid(), pathParam(req, 'batchId'));
    const { event, kind } = parse(batchQuery, queryOf(req));
    const progress = await batchProgress(batchId);
    if (!progress.done) res.set('Refresh', '2');
    res.render('messaging/batch', {
      title: req.t(`outbox.batch.${kind ?? 'mail'}`),
      batchId,
      progress,
      eventId: event,
    });
  });

  router.get('/admin/outbox/:id', ...requireRole('admin', 'organizer'), async (req, res) => {
    const message = await openMessage(req);
    const zone = zoneOf(message, await timeZonesOf(message.eventIds));
    res.render('messaging/message', {
      title: message.subject,
      message,
      zone,
      writesFiles,
      // From and Reply-To as the worker sends them: the event's sender over the configuration's.
      envelope: envelopeOf(message.sender, config.mail),
    });
  });

  // The HTML of a mail, shown in a sandboxed frame: its own links and markup cannot touch Foro's page.
  router.get('/admin/outbox/:id/html', ...requireRole('admin', 'organizer'), async (req, res) => {
    const message = await openMessage(req);
    res
      .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
      .type('html')
      .send(message.html ?? '');
  });

  // Without a mail server, the mail preview: the very file written for this mail, to open in a mail program.
  router.get('/admin/outbox/:id/eml', ...requireRole('admin', 'organizer'), async (req, res) => {
    const message = await openMessage(req);
    if (!writesFiles || message.status !== 'sent') throw new NotFoundError();
    const file = await readFile(join(config.mail.fileDir, emlFileName(message.messageId))).catch(() => {
      throw new NotFoundError();
    });
    res
      .type('message/rfc822')
      .set('Content-Disposition', `attachment; filename="mail-${message.id}.eml"`)
      .send(file);
  });

  router.post('/admin/outbox/:id/retry', ...requireRole('admin', 'organizer'), async (req, res) => {
    await openMessage(req);
    await retryMessage(pathParam(req, 'id'), actorOf(req), clock);
    res.redirect(303, `/admin/outbox/${pathParam(req, 'id')}`);
  });

  router.post('/admin/outbox/:id/cancel', ...requireRole('admin', 'organizer'), async (req, res) => {
    const message = await openMessage(req);
    const asked = await confirmedOrAsk(req, res, () => ({
      question: req.t('confirm.cancelMail.question', { subject: message.subject }),
      consequences: [req.t('confirm.cancelMail.effect')],
      confirm: req.t('confirm.cancelMail.confirm'),
      back: `/admin/outbox/${message.id}`,
    }));
    if (!asked) return;
    await cancelMessage(pathParam(req, 'id'), actorOf(req), clock);
    res.redirect(303, `/admin/outbox/${pathParam(req, 'id')}`);
  });

  return router;
}
