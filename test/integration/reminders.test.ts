import { expect } from 'chai';
import request from 'supertest';
import { Invitation } from '../../src/modules/invitations/invitation.model.js';
import {
  answerInvitation,
  mailSettingsOf,
  sendInvitations,
  sendReminders,
} from '../../src/modules/invitations/index.js';
import { getEvent } from '../../src/modules/events/index.js';
import { Message } from '../../src/modules/messaging/index.js';
import { settableClock } from '../../src/shared/clock.js';
import { createPanel, tokenIn } from '../factories/invitations.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';
import { runNpm } from '../support/npm.js';

const DAY = 24 * 3_600_000;

describe('invitations: reminders to the silent', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url, { env: { OUTBOX_WORKER: 'off' } });
  const deps = () => ({ clock: foro.clock, settings: mailSettingsOf(foro.config) });
  afterEach(() => foro.clock.set('2008-04-01T12:00:00Z'));

  async function invited() {
    const organizer = await signedInAs(foro.url, 'organizer');
    const panel = await createPanel(organizer.actor);
    await sendInvitations(panel.event, { all: true }, organizer.actor, deps());
    return { organizer, ...panel, event: await getEvent(panel.event.id) };
  }

  const reminders = () => Message.find({ template: 'reminder' }).sort({ createdAt: 1 }).lean();

  it('reminds after the event’s days of silence, with a fresh link, at most the event’s number of times', async () => {
    const { event, assignments } = await invited();
    expect((await sendReminders(event, deps())).queued, 'too early').to.equal(0);

    foro.clock.advance(7 * DAY + 1000);
    expect((await sendReminders(event, deps())).queued).to.equal(3);
    const [first] = (await reminders()).filter((m) => m.to[0]!.email === 'alicia@cepal.example');
    expect(first!.subject).to.match(/^\[Confirmación requerida\] Recordatorio: Migración y desarrollo/);
    const invitation = await Message.findOne({ template: 'invitation.chair' }).lean();
    const [oldToken, newToken] = [tokenIn(invitation!.text), tokenIn(first!.text)];
    expect(newToken).not.to.equal(oldToken);
    for (const token of [oldToken, newToken]) {
      expect((await request(foro.url).get(`/invitations/${token}`)).status, 'both links work').to.equal(200);
    }

    await answerInvitation(
      newToken,
      { assignmentId: assignments.chair.id, revision: 0, answer: 'confirm' },
      deps(),
    );
    foro.clock.advance(7 * DAY + 1000);
    expect((await sendReminders(event, deps())).queued, 'the one who answered is left alone').to.equal(2);
    foro.clock.advance(7 * DAY + 1000);
    expect((await sendReminders(event, deps())).queued, 'at most two').to.equal(0);
    expect(await Invitation.countDocuments({ remindersSent: 2 })).to.equal(2);
  });

  it('sends each reminder once when two runs overlap', async () => {
    const { event } = await invited();
    foro.clock.advance(8 * DAY);
    await Promise.all([
      sendReminders(event, deps()),
      sendReminders(event, deps()),
      sendReminders(event, deps()),
    ]);
    expect(await reminders()).to.have.length(3);
  });

  it('lets an organizer send due reminders from the invitations page, and shows the progress', async () => {
    const { organizer, event } = await invited();
    foro.clock.advance(8 * DAY);
    const page = await organizer.agent.get(`/admin/events/${event.id}/invitations`);
    expect(page.text).to.include('Enviar recordatorios pendientes (3)');
    const sent = await organizer.agent
      .post(`/admin/events/${event.id}/invitations/reminders`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) });
    expect(sent.status).to.equal(303);
    const progress = await organizer.agent.get(sent.headers['location'] as string);
    expect(progress.text).to.include('Enviando: 0 de 3');
    expect(progress.headers['refresh'], 'refreshes itself while sending').to.equal('2');

    const viewer = await signedInAs(foro.url, 'viewer');
    const refused = await viewer.agent
      .post(`/admin/events/${event.id}/invitations/reminders`)
      .type('form')
      .send({ _csrf: csrfTokenIn((await viewer.agent.get(`/admin/events/${event.id}/invitations`)).text) });
    expect(refused.status).to.equal(403);
  });

  it('queues due reminders with npm run mail:reminders', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const { event } = await createPanel(organizer.actor);
    const eightDaysAgo = settableClock(new Date(Date.now() - 8 * DAY).toISOString());
    await sendInvitations(event, { all: true }, organizer.actor, {
      clock: eightDaysAgo,
      settings: mailSettingsOf(foro.config),
    });
    const run = await runNpm(import.meta.url, 'mail:reminders', ['--event', event.slug]);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.include(`Queued 3 reminders for ${event.slug}`);
    expect(await reminders()).to.have.length(3);
  });
});
