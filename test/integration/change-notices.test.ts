import { expect } from 'chai';
import {
  assignPerson,
  createSession,
  updateAssignment,
  updateSession,
} from '../../src/modules/agenda/index.js';
import { Message } from '../../src/modules/messaging/index.js';
import { mailSettingsOf } from '../../src/modules/invitations/index.js';
import { sendChangeNotices } from '../../src/modules/notices/index.js';
import { getVersion } from '../../src/modules/published-programme/index.js';
import { createPanel } from '../factories/invitations.js';
import { createTestPerson } from '../factories/people.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';
import { parseCalendar } from '../support/ical.js';
import { deliverOutbox, startTestSmtp } from '../support/smtp.js';

describe('change notices: a new version tells exactly the people whose sessions changed', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url, { env: { OUTBOX_WORKER: 'off' } });

  async function publish(agent: Awaited<ReturnType<typeof signedInAs>>['agent'], eventId: string) {
    const page = await agent.get(`/admin/events/${eventId}/programme`);
    const res = await agent
      .post(`/admin/events/${eventId}/programme/publish`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) });
    expect(res.status).to.equal(303);
    return res.headers['location'] as string;
  }

  it('sends one notice per affected person, with updated and cancelled calendar entries, and none for version 1', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const actor = organizer.actor;
    const { event, session, people, assignments } = await createPanel(actor);
    for (const a of [assignments.chair, assignments.speaker]) {
      await updateAssignment(session.id, a.id, { status: 'confirmed' }, actor, foro.clock);
    }
    await updateAssignment(session.id, assignments.commentator.id, { status: 'invited' }, actor, foro.clock);
    const workshop = await createSession(
      event,
      {
        type: 'workshop',
        title: { es: 'Remesas', en: 'Remittances', pt: 'Remessas' },
        roomId: event.rooms[1]!.id,
        date: '2008-04-11',
        start: '15:00',
        end: '16:30',
        status: 'scheduled',
      },
      actor,
      foro.clock,
    );
    const stays = await createTestPerson({
      givenName: 'Rosa',
      familyName: 'Quispe',
      email: 'rosa@example.org',
    });
    const leaves = await createTestPerson({
      givenName: 'Luis',
      familyName: 'Vega',
      email: 'luis@example.org',
    });
    const joins = await createTestPerson({
      givenName: 'Ana',
      familyName: 'Lima',
      email: 'ana@example.org',
      language: 'pt',
    });
    await assignPerson(
      workshop,
      { personId: stays.id, role: 'chair', status: 'confirmed' },
      actor,
      foro.clock,
    );
    const leaving = await assignPerson(
      workshop,
      { personId: leaves.id, role: 'speaker', status: 'confirmed' },
      actor,
      foro.clock,
    );

    const first = await publish(organizer.agent, event.id);
    expect(first).not.to.include('notices=');
    expect(await Message.countDocuments({ template: 'change' }), 'version 1 sends nothing').to.equal(0);

    // Version 2: the panel moves to 11:00; on the workshop one speaker leaves and another joins.
    await updateSession(
      event,
      session.id,
      { date: '2008-04-10', start: '11:00', end: '12:30' },
      actor,
      foro.clock,
    );
    await updateAssignment(workshop.id, leaving.id, { status: 'withdrawn' }, actor, foro.clock);
    await assignPerson(
      workshop,
      { personId: joins.id, role: 'speaker', status: 'confirmed' },
      actor,
      foro.clock,
    );
    const second = await publish(organizer.agent, event.id);
    expect(second).to.include('notices=');
    const page = await organizer.agent.get(second);
    expect(page.text).to.include('5 avisos de cambios');

    const notices = await Message.find({ template: 'change' }).lean();
    const recipients = notices.map((m) => m.to[0]!.email).sort();
    expect(recipients).to.deep.equal(
      [
        people.chair.email,
        people.speaker.email,
        people.commentator.email,
        'luis@example.org',
        'ana@example.org',
      ].sort(),
    );
    expect(recipients, 'the workshop chair, unchanged, is not told').not.to.include('rosa@example.org');

    const smtp = await startTestSmtp();
    await deliverOutbox(smtp.url, foro.clock);
    await smtp.stop();

    const chairMail = smtp.mails.find((m) => m.to.includes(people.chair.email!))!;
    expect(chairMail.subject).to.equal(
      'Cambios en el programa: Foro de prueba ' + chairMail.subject!.split('prueba ')[1],
    );
    expect(chairMail.parsed.text, 'the old time, then the new one').to.match(
      /«Migración y desarrollo»: nuevo horario o sala: jueves, 10 de abril, 09:00–10:30[^\n]*→ jueves, 10 de abril, 11:00–12:30/,
    );
    const update = parseCalendar(chairMail.parsed.attachments[0]!.content.toString('utf8'));
    expect(update.method).to.equal('REQUEST');
    expect(update.events[0]!.uid).to.equal(`${session.id}@foro`);
    expect(update.events[0]!.sequence, 'higher SEQUENCE').to.equal(1);
    expect(update.events[0]!.start.toISOString()).to.equal('2008-04-10T16:00:00.000Z');

    const leftMail = smtp.mails.find((m) => m.to.includes('luis@example.org'))!;
    expect(leftMail.parsed.text).to.include('ya no figura como ponente');
    const cancel = parseCalendar(leftMail.parsed.attachments[0]!.content.toString('utf8'));
    expect(cancel.method).to.equal('CANCEL');
    expect(cancel.events[0]!.uid).to.equal(`${workshop.id}@foro`);

    const joinedMail = smtp.mails.find((m) => m.to.includes('ana@example.org'))!;
    expect(joinedMail.subject).to.match(/^Mudanças no programa/);
    expect(joinedMail.parsed.text).to.include('agora consta como palestrante');

    const again = await sendChangeNotices(event, await getVersion(event.id, 2), {
      clock: foro.clock,
      settings: mailSettingsOf(foro.config),
    });
    expect(again.queued, 'running it again sends nothing new').to.equal(0);
  });

  it('cancels the calendar entry of everyone on a cancelled session', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const { event, session, people, assignments } = await createPanel(organizer.actor);
    await updateAssignment(
      session.id,
      assignments.chair.id,
      { status: 'confirmed' },
      organizer.actor,
      foro.clock,
    );
    await publish(organizer.agent, event.id);
    await updateSession(event, session.id, { status: 'cancelled' }, organizer.actor, foro.clock);
    await publish(organizer.agent, event.id);
    const [notice] = await Message.find({ template: 'change' }).lean();
    expect(notice!.to[0]!.email).to.equal(people.chair.email);
    expect(notice!.text).to.include('la sesión se canceló');
    const calendar = parseCalendar(Buffer.from(notice!.attachments[0]!.content!, 'base64').toString('utf8'));
    expect(calendar.method).to.equal('CANCEL');
    expect(calendar.events[0]!.status).to.equal('CANCELLED');
  });
});
