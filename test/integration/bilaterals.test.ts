import { expect } from 'chai';
import { Bilateral } from '../../src/modules/bilaterals/index.js';
import { Message } from '../../src/modules/messaging/index.js';
import { slotsOf } from '../../src/modules/side-events/index.js';
import {
  SpeakerEntry,
  SpeakersList,
  SpeakerStep,
} from '../../src/modules/plenary/speakers-list/speakers.model.js';
import { createFocalPoint, inviteDelegation } from '../factories/delegations.js';
import { createPublishedEvent } from '../factories/events.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfTokenIn, signedInAs } from '../support/http.js';
import { parseCalendar } from '../support/ical.js';

const COUNTRIES: Record<string, 'es' | 'pt' | 'en'> = { EC: 'en', PE: 'es', CU: 'es', DO: 'pt' };
type Country = 'EC' | 'PE' | 'CU' | 'DO';

describe('bilaterals: focal points ask and accept, slots booked once, calendar entries by mail', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url, {
    env: { REGISTRATION_RATE_LIMIT_PER_ADDRESS: '1000', LINK_RATE_LIMIT_PER_ADDRESS: '1000' },
  });

  /** An event with four delegations invited, and Sala Azuay cut into two bilateral slots on the 10th. */
  async function forum() {
    const organizer = await signedInAs(foro.url, 'organizer');
    await organizer.agent.get('/admin?lang=en');
    const event = await createPublishedEvent({ countries: Object.keys(COUNTRIES) }, organizer.actor);
    const list = await organizer.agent.get(`/admin/events/${event.id}/delegations`);
    const csrf = csrfTokenIn(list.text);
    const azuay = event.rooms.find((r) => r.name === 'Sala Azuay')!;
    const added = await organizer.agent.post(`/admin/events/${event.id}/bilaterals/slots`).type('form').send({
      _csrf: csrf,
      roomId: azuay.id,
      date: '2008-04-10',
      start: '13:00',
      end: '14:00',
      minutes: '30',
    });
    expect(added.status).to.equal(303);
    const focal = {} as Record<
      Country,
      { token: string; agent: ReturnType<typeof browserAgent>; csrf: string; id: string; email: string }
    >;
    for (const [country, language] of Object.entries(COUNTRIES) as [Country, 'es' | 'pt' | 'en'][]) {
      const contact = await createFocalPoint(country, language);
      const { token, delegationId } = await inviteDelegation(organizer.agent, event.id, contact);
      const agent = browserAgent(foro.url);
      const page = await agent.get(`/nominations/${token}/bilaterals?lang=${language}`);
      expect(page.status).to.equal(200);
      focal[country] = {
        token,
        agent,
        csrf: csrfTokenIn((await agent.get(`/nominations/${token}`)).text),
        id: delegationId,
        email: contact.email,
      };
    }
    const slots = await slotsOf(event.id, 'bilateral');
    expect(slots).to.have.length(2);
    return { organizer, event, csrf, focal, slots };
  }

  const ask = (
    f: { token: string; agent: ReturnType<typeof browserAgent>; csrf: string },
    askedId: string,
    slotIds: string[],
  ) =>
    f.agent
      .post(`/nominations/${f.token}/bilaterals`)
      .type('form')
      .send({ _csrf: f.csrf, askedId, slotIds, subject: 'Labour mobility agreement', level: 'ministerial' });

  const calendarOf = (message: { attachments: { content?: string | null }[] }) =>
    parseCalendar(Buffer.from(message.attachments[0]!.content!, 'base64').toString('utf8'));

  it('books the slot the asked delegation accepts and mails both a REQUEST; an update and the cancellation keep the UID', async () => {
    const { organizer, event, focal, slots } = await forum();
    expect((await ask(focal.PE, focal.EC.id, [slots[0]!.id, slots[1]!.id])).status).to.equal(303);
    const request = (await Message.findOne({ template: 'bilateral.requested' }).lean())!;
    expect(request.to[0]!.email).to.equal(focal.EC.email);
    expect(request.subject).to.equal(
      '[Confirmation required] Request for a bilateral meeting from Peru: ' +
        request.subject.split(': ').at(-1),
    );
    expect(request.text)
      .to.contain('Labour mobility agreement')
      .and.contain('Sala Azuay')
      .and.contain('13:30–14:00');

    const bilateral = (await Bilateral.findOne({}).lean())!;
    const page = await focal.EC.agent.get(`/nominations/${focal.EC.token}/bilaterals`);
    expect(page.text).to.contain(
      `action="/nominations/${focal.EC.token}/bilaterals/${bilateral._id}/accept"`,
    );
    const accepted = await focal.EC.agent
      .post(`/nominations/${focal.EC.token}/bilaterals/${bilateral._id}/accept`)
      .type('form')
      .send({ _csrf: focal.EC.csrf, slotId: slots[1]!.id });
    expect(accepted.status).to.equal(303);

    const booked = await Message.find({ template: 'bilateral.booked' }).lean();
    expect(booked.map((m) => m.to[0]!.email).sort()).to.deep.equal([focal.EC.email, focal.PE.email].sort());
    const uid = `bilateral-${bilateral._id}@foro`;
    for (const mail of booked) {
      expect(mail.attachments[0]!.contentType).to.equal('text/calendar; charset=utf-8; method=REQUEST');
      const ics = calendarOf(mail);
      expect(ics.method).to.equal('REQUEST');
      expect(ics.timezones).to.deep.equal(['America/Guayaquil']);
      expect(ics.events).to.have.length(1);
      const entry = ics.events[0]!;
      expect(entry.uid).to.equal(uid);
      expect(entry.tzid).to.equal('America/Guayaquil');
      expect(entry.start.toISOString()).to.equal('2008-04-10T18:30:00.000Z');
      expect(entry.attendees).to.deep.equal([{ value: `mailto:${mail.to[0]!.email}`, rsvp: 'FALSE' }]);
      expect(entry.organizer).to.match(/^mailto:/i);
    }
    const peMail = booked.find((m) => m.to[0]!.email === focal.PE.email)!;
    expect(peMail.subject).to.match(/^Reunión bilateral con Ecuador/);

    // The organizers move it from the schedule: same UID, next SEQUENCE, a new REQUEST.
    const schedule = await organizer.agent.get(`/admin/events/${event.id}/bilaterals`);
    expect(schedule.text).to.contain(
      `action="/admin/events/${event.id}/bilaterals/${String(bilateral._id)}/move"`,
    );
    const movedTo = await organizer.agent
      .post(`/admin/events/${event.id}/bilaterals/${String(bilateral._id)}/move`)
      .type('form')
      .send({ _csrf: csrfTokenIn(schedule.text), slotId: slots[0]!.id });
    expect(movedTo.status).to.equal(303);
    expect((await Bilateral.findById(bilateral._id).lean())!.slotId).to.equal(slots[0]!.id);
    const moved = (await Message.findOne({
      template: 'bilateral.moved',
      'to.email': focal.EC.email,
    }).lean())!;
    const update = calendarOf(moved);
    expect(update.method).to.equal('REQUEST');
    expect(update.events[0]!.uid).to.equal(uid);
    expect(update.events[0]!.sequence).to.equal(1);
    expect(update.events[0]!.start.toISOString()).to.equal('2008-04-10T18:00:00.000Z');

    const ask2 = await focal.PE.agent
      .post(`/nominations/${focal.PE.token}/bilaterals/${bilateral._id}/cancel`)
      .type('form')
      .send({ _csrf: focal.PE.csrf });
    expect(ask2.status).to.equal(200);
    expect(ask2.text).to.contain('¿Cancelar la reunión bilateral?');
    const cancelled = await focal.PE.agent
      .post(`/nominations/${focal.PE.token}/bilaterals/${bilateral._id}/cancel`)
      .type('form')
      .send({ _csrf: focal.PE.csrf, confirmed: 'yes' });
    expect(cancelled.status).to.equal(303);
    const cancels = await Message.find({ template: 'bilateral.cancelled' }).lean();
    expect(cancels).to.have.length(2);
    for (const mail of cancels) {
      const ics = calendarOf(mail);
      expect(ics.method).to.equal('CANCEL');
      expect(ics.events[0]!.uid).to.equal(uid);
      expect(ics.events[0]!.sequence).to.equal(2);
      expect(ics.events[0]!.status).to.equal('CANCELLED');
      expect(ics.events[0]!.tzid).to.equal('America/Guayaquil');
    }
    // The slot is free again.
    expect((await ask(focal.CU, focal.DO.id, [slots[0]!.id])).status).to.equal(303);
  });

  it('hides another pair’s bilateral and refuses to accept for a delegation that was not asked (404)', async () => {
    const { focal, slots } = await forum();
    expect((await ask(focal.PE, focal.EC.id, [slots[0]!.id])).status).to.equal(303);
    const bilateral = (await Bilateral.findOne({}).lean())!;
    const cuba = await focal.CU.agent.get(`/nominations/${focal.CU.token}/bilaterals`);
    expect(cuba.text).to.not.contain(String(bilateral._id)).and.not.contain('Labour mobility agreement');
    for (const [who, action] of [
      [focal.CU, 'accept'],
      [focal.PE, 'accept'],
      [focal.CU, 'decline'],
      [focal.CU, 'cancel'],
    ] as const) {
      const refused = await who.agent
        .post(`/nominations/${who.token}/bilaterals/${bilateral._id}/${action}`)
        .type('form')
        .send({ _csrf: who.csrf, slotId: slots[0]!.id });
      expect(refused.status, `${action}`).to.equal(404);
    }
    expect((await Bilateral.findById(bilateral._id).lean())!.state).to.equal('requested');
  });

  it('lets one of two delegations accepting one slot at once have it; the other gets 409 and the next free slots', async () => {
    const { focal, slots } = await forum();
    await ask(focal.PE, focal.EC.id, [slots[0]!.id]);
    await ask(focal.CU, focal.DO.id, [slots[0]!.id, slots[1]!.id]);
    const [pe, cu] = await Promise.all([
      Bilateral.findOne({ askingCountry: 'PE' }).lean(),
      Bilateral.findOne({ askingCountry: 'CU' }).lean(),
    ]);
    const [one, two] = await Promise.all([
      focal.EC.agent
        .post(`/nominations/${focal.EC.token}/bilaterals/${pe!._id}/accept`)
        .type('form')
        .send({ _csrf: focal.EC.csrf, slotId: slots[0]!.id }),
      focal.DO.agent
        .post(`/nominations/${focal.DO.token}/bilaterals/${cu!._id}/accept`)
        .type('form')
        .send({ _csrf: focal.DO.csrf, slotId: slots[0]!.id }),
    ]);
    expect([one.status, two.status].sort()).to.deep.equal([303, 409]);
    const loser = one.status === 409 ? one : two;
    const offered = /<section class="notice" id="next-free-slots"[\s\S]*?<\/section>/.exec(loser.text)![0];
    expect(offered).to.contain(`data-slot="${slots[1]!.id}"`).and.not.contain(slots[0]!.id);
    expect(await Bilateral.countDocuments({ state: 'accepted' })).to.equal(1);
  });

  it('lets organizers book for anyone and warns of a delegation booked twice at once', async () => {
    const { organizer, event, csrf, focal, slots } = await forum();
    const plenary = event.rooms.find((r) => r.name === 'Salón Plenario')!;
    await organizer.agent
      .post(`/admin/events/${event.id}/bilaterals/slots`)
      .type('form')
      .send({ _csrf: csrf, roomId: plenary.id, date: '2008-04-10', start: '13:00', end: '13:30' });
    const other = (await slotsOf(event.id, 'bilateral')).find((s) => s.roomId === plenary.id)!;
    const book = (askingId: string, askedId: string, slotId: string) =>
      organizer.agent.post(`/admin/events/${event.id}/bilaterals`).type('form').send({
        _csrf: csrf,
        askingId,
        askedId,
        slotId,
        subject: 'Consular cooperation',
        level: 'senior_official',
      });
    expect((await book(focal.EC.id, focal.PE.id, slots[0]!.id)).status).to.equal(303);
    const taken = await book(focal.CU.id, focal.DO.id, slots[0]!.id);
    expect(taken.status).to.equal(409);
    expect(taken.text).to.contain('Another bilateral meeting has just booked this slot.');
    expect(await Bilateral.countDocuments({})).to.equal(1);
    expect((await book(focal.EC.id, focal.CU.id, other.id)).status).to.equal(303);
    const schedule = await organizer.agent.get(`/admin/events/${event.id}/bilaterals`);
    expect(schedule.text).to.contain(
      'The delegation of Ecuador has two bilateral meetings at the same time.',
    );
    expect(schedule.text).to.contain('Ecuador – Peru').and.contain('Ecuador – Cuba');
    // Moving a meeting into a slot another holds is refused and changes nothing.
    const cuba = (await Bilateral.findOne({ askedCountry: 'CU' }).lean())!;
    const refused = await organizer.agent
      .post(`/admin/events/${event.id}/bilaterals/${String(cuba._id)}/move`)
      .type('form')
      .send({ _csrf: csrf, slotId: slots[0]!.id });
    expect(refused.status).to.equal(409);
    expect((await Bilateral.findById(cuba._id).lean())!.slotId).to.equal(other.id);
    expect(await Message.countDocuments({ template: 'bilateral.booked' })).to.equal(4);
  });

  it('warns of a bilateral held while the delegation waits to speak in a plenary, until it has spoken', async () => {
    const { organizer, event, csrf, focal, slots } = await forum();
    const plenaryRoom = event.rooms.find((r) => r.name === 'Salón Plenario')!;
    const session = (
      await organizer.agent.post(`/api/v1/events/${event.id}/sessions`).send({
        type: 'plenary',
        title: { es: 'Plenario', en: 'Plenary', pt: 'Plenária' },
        date: '2008-04-10',
        start: '12:30',
        end: '13:45',
        roomId: plenaryRoom.id,
      })
    ).body as { id: string };
    const list = await SpeakersList.create({
      eventId: event.id,
      sessionId: session.id,
      opensAt: new Date('2008-04-01T00:00:00Z'),
      closesAt: new Date('2008-04-10T17:00:00Z'),
      minutes: 5,
      createdAt: new Date('2008-04-01T00:00:00Z'),
    });
    const entry = await SpeakerEntry.create({
      listId: String(list._id),
      eventId: event.id,
      seq: 1,
      group: 'state',
      level: 'minister',
      language: 'es',
      reply: false,
      head: true,
      inscribedAt: new Date('2008-04-02T00:00:00Z'),
      inscribedBy: 'test',
      delegationId: focal.PE.id,
      country: 'PE',
      speakerName: 'Ministra del Perú',
    });
    const booked = await organizer.agent.post(`/admin/events/${event.id}/bilaterals`).type('form').send({
      _csrf: csrf,
      askingId: focal.EC.id,
      askedId: focal.PE.id,
      slotId: slots[0]!.id,
      subject: 'Consular cooperation',
      level: 'senior_official',
    });
    expect(booked.status).to.equal(303);
    const warning = 'The delegation of Peru has a bilateral meeting while inscribed to speak in a plenary.';
    const schedule = () => organizer.agent.get(`/admin/events/${event.id}/bilaterals`);
    expect((await schedule()).text)
      .to.contain(warning)
      .and.not.contain('The delegation of Ecuador has a bilateral');
    await SpeakerStep.create({
      listId: String(list._id),
      entryId: String(entry._id),
      version: 1,
      status: 'spoke',
      at: new Date('2008-04-10T17:40:00Z'),
      by: 'test',
    });
    expect((await schedule()).text).not.to.contain(warning);
  });
});
