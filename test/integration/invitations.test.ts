import { expect } from 'chai';
import request from 'supertest';
import { Assignment } from '../../src/modules/agenda/assignments/assignment.model.js';
import { InvitationResponse } from '../../src/modules/invitations/invitation.model.js';
import { Registration } from '../../src/modules/registrations/index.js';
import { Message } from '../../src/modules/messaging/index.js';
import { createPanel, tokenIn } from '../factories/invitations.js';
import { assignPerson, createSession } from '../../src/modules/agenda/index.js';
import { getEvent } from '../../src/modules/events/index.js';
import { settableClock } from '../../src/shared/clock.js';
import { createTestPerson } from '../factories/people.js';
import { PANEL } from '../factories/programme.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfTokenIn, signedInAs } from '../support/http.js';
import { parseCalendar } from '../support/ical.js';
import { deliverOutbox, startTestSmtp, type TestSmtp } from '../support/smtp.js';

const DAY = 24 * 3_600_000;

describe('invitations: invite, confirm or decline by private link', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url, {
    env: {
      OUTBOX_WORKER: 'off',
      LINK_RATE_LIMIT_PER_ADDRESS: '8',
      MAIL_FROM: 'Foro Cuenca <foro@cepal.example>',
    },
  });
  let smtp: TestSmtp;
  beforeEach(async () => {
    smtp = await startTestSmtp();
  });
  afterEach(async () => smtp.stop());

  const deliver = () => deliverOutbox(smtp.url, foro.clock);

  const mailTo = (address: string, template?: RegExp) =>
    smtp.mails.filter((m) => m.to.includes(address) && (!template || template.test(m.subject ?? '')));

  async function invitedPanel() {
    const organizer = await signedInAs(foro.url, 'organizer');
    const panel = await createPanel(organizer.actor);
    const page = await organizer.agent.get(`/admin/events/${panel.event.id}/invitations/preview?scope=all`);
    const sent = await organizer.agent
      .post(`/admin/events/${panel.event.id}/invitations/send`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), scope: 'all' });
    expect(sent.status).to.equal(303);
    await deliver();
    return { organizer, ...panel, batch: sent.headers['location'] as string };
  }

  async function answer(
    token: string,
    fields: Record<string, string | string[]>,
    agent = browserAgent(foro.url),
  ) {
    const page = await agent.get(`/invitations/${token}`);
    const revision = /name="revision" value="(\d+)"/.exec(page.text)?.[1] ?? '0';
    const assignmentId = /name="assignmentId" value="([a-f0-9]{24})"/.exec(page.text)?.[1];
    return agent
      .post(`/invitations/${token}`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), assignmentId, revision, ...fields });
  }

  it('invites every proposed person in one action, each in their language, and reports who has no email', async () => {
    const { organizer, event, people, assignments, batch } = await invitedPanel();
    const preview = await organizer.agent.get(`/admin/events/${event.id}/invitations/preview?scope=all`);
    expect(preview.text, 'nothing left to invite').to.include('No hay asignaciones propuestas');

    const [es] = mailTo('alicia@cepal.example');
    const [pt] = mailTo('joao@itamaraty.example');
    const [en] = mailTo('mary@iom.example');
    expect(smtp.mails).to.have.length(3);
    expect(es!.subject).to.match(/^\[Confirmación requerida\] Invitación: Migración y desarrollo/);
    expect(pt!.subject).to.match(/^\[Confirmação necessária\] Convite: Migração e desenvolvimento/);
    expect(en!.subject).to.match(/^\[Confirmation required\] Invitation: Migration and development/);
    expect(es!.parsed.text).to.include('presidir la sesión');
    expect(es!.parsed.text).to.match(/jueves, 10 de abril de 2008/);
    expect(es!.parsed.text).to.match(/09:00.*10:30, hora de Guayaquil \(GMT-5\)/);
    expect(en!.parsed.text, 'co-panellists named').to.include('João Silva (speaker)');
    expect(pt!.parsed.text).to.include('Salón Plenario');
    expect(new Set([es, pt, en].map((m) => tokenIn(m!.parsed.text ?? ''))).size, 'own links').to.equal(3);

    const statuses = await Assignment.find({ eventId: event.id }).lean();
    const byId = new Map(statuses.map((a) => [String(a._id), a.status]));
    expect(byId.get(assignments.chair.id)).to.equal('invited');
    expect(byId.get(assignments.unreachable.id), 'no email: stays proposed').to.equal('proposed');
    expect(people.unreachable.email).to.equal(undefined);

    const progress = await organizer.agent.get(batch);
    expect(progress.text, progress.text).to.include('3 de 3');
    const again = await organizer.agent
      .post(`/admin/events/${event.id}/invitations/send`)
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text), scope: 'all' });
    expect(again.status).to.equal(303);
    await deliver();
    expect(smtp.mails, 'a second click sends nothing more').to.have.length(3);
  });

  it('invites one assignment alone, and again with a fresh link after a decline', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const { event, assignments } = await createPanel(organizer.actor);
    const dashboard = await organizer.agent.get(`/admin/events/${event.id}/invitations`);
    const single = `/admin/events/${event.id}/invitations/preview?scope=assignment&assignmentId=${assignments.speaker.id}`;
    expect(dashboard.text).to.include(single);
    const preview = await organizer.agent.get(single);
    expect(preview.text).to.include('Se enviarán 1 invitaciones');
    await organizer.agent
      .post(`/admin/events/${event.id}/invitations/send`)
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text), scope: 'assignment', assignmentId: assignments.speaker.id });
    await deliver();
    expect(smtp.mails.map((m) => m.to[0])).to.deep.equal(['joao@itamaraty.example']);
    const first = tokenIn(smtp.mails[0]!.parsed.text ?? '');
    expect((await answer(first, { answer: 'decline' })).status).to.equal(303);
    const again = await organizer.agent
      .post(`/admin/events/${event.id}/invitations/${assignments.speaker.id}/again`)
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text) });
    expect(again.status).to.equal(303);
    await deliver();
    const invitations = mailTo('joao@itamaraty.example', /Convite/);
    expect(invitations).to.have.length(2);
    expect(tokenIn(invitations[1]!.parsed.text ?? '')).not.to.equal(first);
    expect((await Assignment.findById(assignments.speaker.id).lean())!.status).to.equal('invited');
  });

  it('shows the dashboard 20 sessions a page, with the figures of the whole programme', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const { event, session } = await createPanel(organizer.actor);
    const clock = settableClock('2008-01-01T00:00:00Z');
    const eventView = await getEvent(event.id);
    for (let i = 1; i <= 21; i += 1) {
      const more = await createSession(
        eventView,
        {
          ...PANEL,
          title: { es: `Mesa ${String(i).padStart(2, '0')}` },
          date: '2008-04-11',
          start: `${12 + Math.floor(i / 6)}:${i % 6}0`,
          end: `${12 + Math.floor(i / 6)}:${i % 6}5`,
        },
        organizer.actor,
        clock,
      );
      const person = await createTestPerson({ givenName: 'Ponente', familyName: `P${i}` });
      await assignPerson(more, { personId: person.id, role: 'speaker' }, organizer.actor, clock);
    }
    const base = `/admin/events/${event.id}/invitations`;
    const titles = (html: string) =>
      [...html.matchAll(/<h2><a href="[^"]+\/sessions\/[a-f0-9]{24}">([^<]+)<\/a>/g)].map((m) => m[1]);
    const first = await organizer.agent.get(base).set('Accept-Language', 'en');
    expect(titles(first.text)).to.have.length(20);
    expect(first.text).to.contain('20 sessions per page').and.contain('Proposed: 25');
    expect(first.text).to.contain(`href="/admin/events/${event.id}/sessions/${session.id}"`);
    const second = await organizer.agent.get(`${base}?page=2`).set('Accept-Language', 'en');
    expect(titles(second.text)).to.have.length(2);
    expect(second.text).to.contain('Proposed: 25');
    expect(new Set([...titles(first.text), ...titles(second.text)]).size).to.equal(22);
    expect((await organizer.agent.get(`${base}?page=0`)).status).to.equal(422);
  });

  it('sends one invitation per person when two organizers invite at the same time', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const { event } = await createPanel(organizer.actor);
    const page = await organizer.agent.get(`/admin/events/${event.id}/invitations/preview?scope=all`);
    const send = () =>
      organizer.agent
        .post(`/admin/events/${event.id}/invitations/send`)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), scope: 'all' });
    await Promise.all([send(), send(), send()]);
    expect(await Message.countDocuments({ template: /^invitation\./ })).to.equal(3);
  });

  it('invites and follows the answers over the JSON API, for the event team only', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const { event, session } = await createPanel(organizer.actor);
    const viewer = await signedInAs(foro.url, 'viewer');
    const path = `/api/v1/events/${event.id}/invitations`;
    expect((await viewer.agent.post(path).send({ scope: 'all' })).status).to.equal(403);
    expect((await organizer.agent.post(path).send({ scope: 'everyone' })).status).to.equal(422);
    const sent = await organizer.agent.post(path).send({ scope: 'session', sessionId: session.id });
    expect(sent.status).to.equal(202);
    expect(sent.body).to.include({ queued: 3, withoutEmail: 1 });
    const list = await viewer.agent.get(path);
    expect(list.status).to.equal(200);
    type Row = { assignmentId: string; status: string };
    const rows = list.body.invitations as Row[];
    expect(rows.filter((i) => i.status === 'invited')).to.have.length(3);
    expect(list.body.next, 'one page holds them all').to.equal(undefined);
    expect(JSON.stringify(list.body), 'no contact details').not.to.include('@');

    // Paged: an assignment made between two pages comes at the end, none skipped or repeated.
    const first = await viewer.agent.get(`${path}?limit=2`);
    expect(first.body.invitations).to.have.length(2);
    const late = await createTestPerson({ givenName: 'Tarde', familyName: 'Llegada' });
    await assignPerson(session, { personId: late.id, role: 'speaker' }, organizer.actor, foro.clock);
    const seen = [...(first.body.invitations as Row[])];
    for (let cursor = first.body.next as string | undefined; cursor;) {
      const next = await viewer.agent.get(`${path}?limit=2&after=${cursor}`);
      expect(next.status).to.equal(200);
      seen.push(...(next.body.invitations as Row[]));
      cursor = next.body.next;
    }
    expect(seen.map((r) => r.assignmentId)).to.deep.equal([
      ...rows.map((r) => r.assignmentId),
      seen.at(-1)!.assignmentId,
    ]);
    expect(new Set(seen.map((r) => r.assignmentId)).size).to.equal(rows.length + 1);
    expect((await viewer.agent.get(`${path}?after=nope`)).status).to.equal(422);
    expect((await viewer.agent.get(`${path}?limit=501`)).status).to.equal(422);
  });

  it('shows the invitation in the recipient’s language, confirms with logistics, and mails a receipt with a REQUEST calendar entry', async () => {
    const { organizer, event, session, people } = await invitedPanel();
    const token = tokenIn(mailTo('joao@itamaraty.example')[0]!.parsed.text ?? '');
    const page = await request(foro.url).get(`/invitations/${token}`);
    expect(page.status).to.equal(200);
    expect(page.headers['content-language']).to.equal('pt');
    expect(page.text).to.include('Migração e desenvolvimento');
    expect(page.text, 'panel by name').to.include('Alicia Bárcena');
    expect(page.text, 'no contact details of others').not.to.include('alicia@cepal.example');
    expect(page.text).not.to.include('+56 2 2210 2000');
    expect(page.headers['cache-control']).to.equal('no-store');

    const res = await answer(token, {
      answer: 'confirm',
      arrivalDate: '2008-04-09',
      departureDate: '2008-04-12',
      interpretation: ['es'],
      diet: 'Vegetariana',
      message: 'Com prazer',
    });
    expect(res.status).to.equal(303);
    await deliver();
    const [receipt] = mailTo('joao@itamaraty.example', /^Participação confirmada/);
    expect(receipt, 'receipt sent').to.not.equal(undefined);
    const ics = receipt!.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    const calendar = parseCalendar(ics!.content.toString('utf8'));
    expect(calendar.method).to.equal('REQUEST');
    expect(calendar.events[0]!.uid).to.equal(`${session.id}@foro`);
    expect(calendar.events[0]!.start.toISOString()).to.equal('2008-04-10T14:00:00.000Z');
    expect(calendar.events[0]!.organizer).to.match(/foro@cepal\.example/);
    expect(calendar.events[0]!.attendees[0]).to.deep.equal({
      value: 'mailto:joao@itamaraty.example',
      rsvp: 'FALSE',
    });

    const dashboard = await organizer.agent.get(`/admin/events/${event.id}/invitations`);
    expect(dashboard.text).to.include('Vegetariana');
    expect(dashboard.text).to.include('2008-04-09');
    const registration = await Registration.findOne({ personId: people.speaker.id }).lean();
    expect(registration, 'confirming registers the person as a programme participant').to.include({
      category: 'programme_participant',
      status: 'confirmed',
    });
    const history = await organizer.agent.get(`/admin/people/${people.speaker.id}`);
    expect(history.text, 'the person page lists every mail sent').to.include(
      '[Confirmação necessária] Convite',
    );
    expect(history.text).to.include('Participação confirmada');
    const reopened = await request(foro.url).get(`/invitations/${token}`);
    expect(reopened.text, 'the answer is shown again').to.include('badge-confirmed');
  });

  it('declines, tells the team, allows a change of mind before the deadline, and refuses answers after it', async () => {
    const { organizer, event, assignments } = await invitedPanel();
    const token = tokenIn(mailTo('mary@iom.example')[0]!.parsed.text ?? '');
    // As a browser sends it: every field, the unused ones empty.
    const blank = { arrivalDate: '', departureDate: '', accessibility: '', diet: '' };
    expect(
      (await answer(token, { answer: 'decline', message: 'Travelling that week', ...blank })).status,
    ).to.equal(303);
    await deliver();
    expect(mailTo('mary@iom.example', /^We have received your answer/)).to.have.length(1);
    const [notice] = mailTo(organizer.user.email);
    expect(notice!.subject).to.include('Mary Smith');
    expect(notice!.parsed.text).to.include('Travelling that week');
    expect((await Assignment.findById(assignments.commentator.id).lean())!.status).to.equal('declined');

    expect((await answer(token, { answer: 'confirm' })).status, 'change of mind').to.equal(303);
    expect((await Assignment.findById(assignments.commentator.id).lean())!.status).to.equal('confirmed');

    const settings = await organizer.agent.get(`/admin/events/${event.id}/invitations`);
    const set = await organizer.agent
      .post(`/admin/events/${event.id}/invitations/settings`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(settings.text),
        deadline: '2008-04-05',
        reminderDays: '7',
        reminderMax: '2',
      });
    expect(set.status).to.equal(303);
    const agent = browserAgent(foro.url);
    const page = await agent.get(`/invitations/${token}`);
    foro.clock.advance(5 * DAY);
    const late = await agent
      .post(`/invitations/${token}`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        assignmentId: assignments.commentator.id,
        revision: '2',
        answer: 'decline',
      });
    expect(late.status).to.equal(409);
    expect((await Assignment.findById(assignments.commentator.id).lean())!.status).to.equal('confirmed');
    const closed = await request(foro.url).get(`/invitations/${token}?lang=en`);
    expect(closed.status, 'the link still shows the answer').to.equal(200);
    expect(closed.text).to.include('The deadline to answer was 5 April 2008');
    foro.clock.set('2008-04-01T12:00:00Z');
  });

  it('links the team from the decline mail to the answer’s page; its words and contacts are for the team only', async () => {
    const { organizer, event, assignments } = await invitedPanel();
    const token = tokenIn(mailTo('mary@iom.example')[0]!.parsed.text ?? '');
    await answer(token, { answer: 'decline', message: 'Travelling that week' });
    await deliver();
    const page = `/admin/events/${event.id}/invitations/${assignments.commentator.id}`;
    expect(mailTo(organizer.user.email)[0]!.parsed.text).to.include(`${foro.config.publicUrl}${page}`);

    const team = await organizer.agent.get(`${page}?lang=en`);
    expect(team.status).to.equal(200);
    expect(team.text).to.include('Travelling that week').and.include('mary@iom.example');
    const viewer = await signedInAs(foro.url, 'viewer');
    const read = await viewer.agent.get(`${page}?lang=en`);
    expect(read.status).to.equal(200);
    expect(read.text).to.include('Declined').and.include('Mary Smith');
    expect(read.text).not.to.include('Travelling that week').and.not.to.include('mary@iom.example');
    const other = `/admin/events/${event.id}/invitations/${assignments.unreachable.id}`;
    expect((await organizer.agent.get(other)).status, 'never invited: no such page').to.equal(404);
    expect((await organizer.agent.get(`/admin/events/${event.id}/invitations/settings`)).status).to.equal(
      404,
    );
  });

  it('records one answer and one receipt when the same form is sent twice', async () => {
    const { assignments } = await invitedPanel();
    const token = tokenIn(mailTo('alicia@cepal.example')[0]!.parsed.text ?? '');
    const agent = browserAgent(foro.url);
    const page = await agent.get(`/invitations/${token}`);
    const form = {
      _csrf: csrfTokenIn(page.text),
      assignmentId: assignments.chair.id,
      revision: '0',
      answer: 'confirm',
    };
    const results = await Promise.all(
      [1, 2, 3].map(() => agent.post(`/invitations/${token}`).type('form').send(form)),
    );
    expect(results.map((r) => r.status).sort()).to.deep.equal([303, 409, 409]);
    expect(await InvitationResponse.countDocuments({ assignmentId: assignments.chair.id })).to.equal(1);
    expect(await Message.countDocuments({ template: 'confirmation' })).to.equal(1);
  });

  it('answers 404 to a forged link, 410 to an expired one, and refuses a link used for another assignment', async () => {
    const { assignments } = await invitedPanel();
    const token = tokenIn(mailTo('alicia@cepal.example')[0]!.parsed.text ?? '');
    expect((await request(foro.url).get(`/invitations/${'A'.repeat(43)}`)).status).to.equal(404);
    expect((await request(foro.url).get('/invitations/short')).status).to.equal(404);
    const other = await answer(token, { answer: 'decline', assignmentId: assignments.speaker.id });
    expect(other.status).to.equal(404);
    expect((await Assignment.findById(assignments.speaker.id).lean())!.status).to.equal('invited');
    expect((await Assignment.findById(assignments.chair.id).lean())!.status).to.equal('invited');

    foro.clock.advance(400 * DAY);
    const expired = await request(foro.url).get(`/invitations/${token}`).set('Accept-Language', 'en');
    expect(expired.status).to.equal(410);
    expect(expired.text).to.include('no longer valid');
    foro.clock.set('2008-04-01T12:00:00Z');
  });

  it('refuses bad answers with 422 and records nothing', async () => {
    const { assignments } = await invitedPanel();
    const token = tokenIn(mailTo('alicia@cepal.example')[0]!.parsed.text ?? '');
    const json = (body: unknown) =>
      request(foro.url)
        .post(`/invitations/${token}`)
        .set('Accept', 'application/json')
        .send(body as object);
    const base = { assignmentId: assignments.chair.id, revision: 0 };
    expect((await json({ ...base, answer: { $gt: '' } })).status).to.equal(422);
    expect(
      (await json({ ...base, answer: 'confirm', status: 'confirmed' })).status,
      'unknown field',
    ).to.equal(422);
    expect((await json({ ...base, answer: 'confirm', diet: 'x'.repeat(2001) })).status).to.equal(422);
    expect(
      (await json({ ...base, answer: 'confirm', arrivalDate: '2008-04-12', departureDate: '2008-04-09' }))
        .status,
    ).to.equal(422);
    expect(await InvitationResponse.countDocuments({})).to.equal(0);
    const ok = await json({ ...base, answer: 'confirm' });
    expect(ok.status).to.equal(200);
    expect(ok.body.latest.answer).to.equal('confirmed');
    expect(JSON.stringify(ok.body), 'no contact details in the JSON').not.to.include('@');
  });

  // Last: the limiter counts for the whole file, and after this one every unknown link is refused.
  it('limits guessing: too many unknown links from one address get 429', async () => {
    // The limit (8 in this file) counts every unknown or expired link this address tried.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push((await request(foro.url).get(`/invitations/${String(i).padStart(43, 'x')}`)).status);
    }
    const firstRefusal = statuses.indexOf(429);
    expect(firstRefusal).to.be.within(1, 8);
    expect(statuses.slice(0, firstRefusal).every((s) => s === 404)).to.equal(true);
    expect(statuses.slice(firstRefusal).every((s) => s === 429)).to.equal(true);
  });
});
