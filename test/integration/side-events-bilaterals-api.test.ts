import { expect } from 'chai';
import request from 'supertest';
import { Bilateral } from '../../src/modules/bilaterals/index.js';
import { NationalContact } from '../../src/modules/contacts/index.js';
import { Delegation } from '../../src/modules/registrations/delegations/delegation.model.js';
import { SideEventProposal, slotsOf } from '../../src/modules/side-events/index.js';
import { createPublishedEvent } from '../factories/events.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { useTestForo } from '../support/foro.js';
import { isPlainEquality, queriesDuring } from '../support/queries.js';
import { browserAgent, csrfFor, csrfTokenIn, signIn, signedInAs } from '../support/http.js';
import { schemaMismatches } from '../support/schema-check.js';

type Schema = Parameters<typeof schemaMismatches>[1];

describe('api: side-event proposals and bilateral meetings, paged with a `next` cursor', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url, {
    env: { REGISTRATION_RATE_LIMIT_PER_ADDRESS: '1000', LINK_RATE_LIMIT_PER_ADDRESS: '1000' },
  });

  /** An API token of `userId`, made by an admin. */
  async function tokenFor(userId: string) {
    const admin = await createTestUser({ role: 'admin' });
    const agent = browserAgent(foro.url);
    await signIn(agent, admin.email, TEST_PASSWORD);
    const csrf = await csrfFor(agent, '/admin/tokens');
    const res = await agent
      .post('/admin/tokens')
      .type('form')
      .send({ _csrf: csrf, name: 'Informes', userId });
    expect(res.status).to.equal(201);
    return /value="(foro_[^"]+)"/.exec(res.text)![1]!;
  }
  /** What in a body the schema refuses (enums are checked by the assertions on values). */
  const mismatches = (body: unknown, schema: Schema) =>
    schemaMismatches(body, schema).filter((m) => !m.endsWith('keywords not checked here: enum'));
  const get = (secret: string, path: string) =>
    request(foro.url).get(`/api/v1${path}`).set('Authorization', `Bearer ${secret}`);

  /** The response schema the OpenAPI document gives for a GET of `path`. */
  async function documented(path: string): Promise<Schema> {
    const doc = (await request(foro.url).get('/api/openapi.json')).body;
    const op = doc.paths[path].get;
    const { $schema: _dialect, ...schema } = op.responses['200'].content['application/json'].schema;
    return schema as Schema;
  }

  async function forum() {
    const organizer = await signedInAs(foro.url, 'organizer');
    await organizer.agent.get('/admin?lang=en');
    const event = await createPublishedEvent({ countries: ['EC', 'PE', 'CU'] }, organizer.actor);
    const settings = `/admin/events/${event.id}/side-events/settings`;
    const csrf = csrfTokenIn((await organizer.agent.get(settings)).text);
    await organizer.agent
      .post(settings)
      .type('form')
      .send({ _csrf: csrf, opensOn: '2008-03-01', closesOn: '2008-04-05' });
    const azuay = event.rooms.find((r) => r.name === 'Sala Azuay')!;
    for (const kind of ['side-events', 'bilaterals'])
      expect(
        (
          await organizer.agent
            .post(`/admin/events/${event.id}/${kind}/slots`)
            .type('form')
            .send({
              _csrf: csrf,
              roomId: azuay.id,
              date: kind === 'side-events' ? '2008-04-10' : '2008-04-11',
              start: '13:00',
              end: '15:00',
              minutes: '60',
            })
        ).status,
      ).to.equal(303);
    return { organizer, event, csrf };
  }

  it('lists proposals by number, a page at a time, with addresses for the team only', async () => {
    const { organizer, event, csrf } = await forum();
    for (const n of [1, 2, 3]) {
      const agent = browserAgent(foro.url);
      const form = await agent.get(`/events/${event.slug}/side-events/propose?lang=en`);
      const sent = await agent
        .post(`/events/${event.slug}/side-events/propose?lang=en`)
        .type('form')
        .send({
          _csrf: csrfTokenIn(form.text),
          title_en: `Side event ${n}`,
          org_0_organization: `Organization ${n}`,
          org_0_country: 'EC',
          org_0_sector: 'civil_society',
          contactGivenName: 'Jane',
          contactFamilyName: `Doe ${n}`,
          contactEmail: `jane${n}@example.org`,
          contactLanguage: 'en',
          expectedAttendance: '40',
        });
      expect(sent.status).to.equal(303);
    }
    const second = (await SideEventProposal.findOne({ number: 2 }).lean())!;
    const slot = (await slotsOf(event.id, 'side-event'))[0]!;
    const accepted = await organizer.agent
      .post(`/admin/events/${event.id}/side-events/${second._id}/accept`)
      .type('form')
      .send({ _csrf: csrf, slotId: slot.id });
    expect(accepted.status).to.equal(303);

    const secret = await tokenFor(organizer.user.id);
    const path = `/events/${event.id}/side-event-proposals`;
    const schema = await documented('/api/v1/events/{eventId}/side-event-proposals');
    const first = await get(secret, `${path}?limit=2`);
    expect(first.status).to.equal(200);
    expect(mismatches(first.body, schema)).to.deep.equal([]);
    expect(first.body.proposals.map((p: { number: number }) => p.number)).to.deep.equal([1, 2]);
    expect(first.body.proposals[0].contact).to.deep.equal({
      name: 'Jane Doe 1',
      email: 'jane1@example.org',
      language: 'en',
    });
    expect(first.body.proposals[1].state).to.equal('accepted');
    expect(first.body.proposals[1].slot).to.deep.equal({
      id: slot.id,
      roomId: slot.roomId,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
    });
    expect(first.body.proposals[1].sessionId).to.match(/^[a-f0-9]{24}$/);
    expect(first.body.next).to.match(/^\d+\.[0-9a-f]{24}$/);
    const last = await get(secret, `${path}?limit=2&after=${first.body.next}`);
    expect(last.body.proposals.map((p: { number: number }) => p.number)).to.deep.equal([3]);
    expect(last.body).to.not.have.property('next');
    const whole = await get(secret, path);
    expect(whole.body.proposals).to.have.length(3);
    expect(whole.body).to.not.have.property('next');
    const onlyAccepted = await get(secret, `${path}?state=accepted`);
    expect(onlyAccepted.body.proposals.map((p: { number: number }) => p.number)).to.deep.equal([2]);

    for (const bad of ['after=x', 'limit=0', 'limit=51', 'state=maybe', 'page=2'])
      expect((await get(secret, `${path}?${bad}`)).status, bad).to.equal(422);

    // An organizer outside the event's team reads it as a viewer does: without contact addresses.
    const stranger = await createTestUser({ role: 'organizer' });
    const outside = await get(await tokenFor(stranger.id), path);
    expect(outside.status).to.equal(200);
    expect(outside.body.proposals).to.have.length(3);
    expect(outside.body.proposals[0].contact).to.deep.equal({ name: 'Jane Doe 1', language: 'en' });
    expect(JSON.stringify(outside.body)).to.not.contain('@example.org');
    expect((await request(foro.url).get(`/api/v1${path}`)).status).to.equal(401);
  });

  it('pages a state of many proposals by cursor, reading blocks by equality, without skipping or repeating rows added meanwhile', async () => {
    const { organizer, event } = await forum();
    const proposal = (n: number, state: string) => ({
      eventId: event.id,
      number: n,
      title: { en: `Proposal ${n}` },
      organizers: [{ organization: `Org ${n}`, sector: 'academia' }],
      organizationKeys: [`org ${n}`],
      contact: { givenName: 'A', familyName: 'B', email: `p${n}@example.org`, language: 'en' },
      state,
      stateAt: new Date(),
      submittedAt: new Date(),
    });
    // 300 proposals over two blocks, every third waitlisted.
    await SideEventProposal.insertMany(
      Array.from({ length: 300 }, (_, i) => proposal(i + 1, i % 3 === 0 ? 'waitlisted' : 'submitted')),
    );
    const secret = await tokenFor(organizer.user.id);
    const path = `/events/${event.id}/side-event-proposals?state=waitlisted`;
    let first: request.Response | undefined;
    const seen = await queriesDuring(async () => {
      first = await get(secret, path);
    });
    const reads = seen.filter((q) => q.collection === 'sideeventproposals');
    expect(reads.length).to.be.greaterThan(0);
    for (const read of reads) {
      expect(isPlainEquality(read.filter), JSON.stringify(read.filter)).to.equal(true);
      expect(read.filter, 'a page reads blocks, not the whole event').to.have.property('block');
    }
    const numbers = (res: request.Response) => res.body.proposals.map((p: { number: number }) => p.number);
    expect(numbers(first!)).to.have.length(50);
    expect(first!.body.proposals.every((p: { state: string }) => p.state === 'waitlisted')).to.equal(true);

    // Ten more waitlisted arrive between the pages: they come after, nothing is shown twice or lost.
    await SideEventProposal.insertMany(Array.from({ length: 10 }, (_, i) => proposal(301 + i, 'waitlisted')));
    const second = await get(secret, `${path}&after=${first!.body.next}`);
    expect(numbers(second)).to.have.length(50);
    const third = await get(secret, `${path}&after=${second.body.next}`);
    expect(third.body).to.not.have.property('next');
    const all = [...numbers(first!), ...numbers(second), ...numbers(third)];
    const expected = [
      ...Array.from({ length: 100 }, (_, i) => 3 * i + 1),
      ...Array.from({ length: 10 }, (_, i) => 301 + i),
    ];
    expect(all).to.deep.equal(expected);
  });

  it('lists bilateral meetings in the order asked, a page at a time, with the slot a booked one holds', async () => {
    const { organizer, event, csrf } = await forum();
    const delegations: Record<string, string> = {};
    for (const country of ['EC', 'PE', 'CU']) {
      const contact = await NationalContact.create({
        country,
        institution: 'foreign_affairs',
        type: 'focal_point',
        name: `Focal ${country}`,
        email: `focal@${country.toLowerCase()}.example`,
        language: 'en',
      });
      await organizer.agent
        .post(`/admin/events/${event.id}/delegations`)
        .type('form')
        .send({ _csrf: csrf, country, contactId: String(contact._id), quota: '3' });
      delegations[country] = String((await Delegation.findOne({ eventId: event.id, country }).lean())!._id);
    }
    const slots = await slotsOf(event.id, 'bilateral');
    const book = (a: string, b: string, slotId: string, subject: string) =>
      organizer.agent
        .post(`/admin/events/${event.id}/bilaterals`)
        .type('form')
        .send({ _csrf: csrf, askingId: a, askedId: b, slotId, subject, level: 'ministerial' });
    expect((await book(delegations['EC']!, delegations['PE']!, slots[0]!.id, 'Trade')).status).to.equal(303);
    expect((await book(delegations['PE']!, delegations['CU']!, slots[1]!.id, 'Health')).status).to.equal(303);
    expect((await book(delegations['CU']!, delegations['EC']!, slots[1]!.id, 'Energy')).status).to.equal(409);

    const secret = await tokenFor(organizer.user.id);
    const path = `/events/${event.id}/bilaterals`;
    const schema = await documented('/api/v1/events/{eventId}/bilaterals');
    const first = await get(secret, `${path}?limit=1`);
    expect(first.status).to.equal(200);
    expect(mismatches(first.body, schema)).to.deep.equal([]);
    expect(first.body.bilaterals).to.have.length(1);
    const trade = first.body.bilaterals[0];
    expect(trade.subject).to.equal('Trade');
    expect(trade.asking).to.deep.equal({ delegationId: delegations['EC'], country: 'EC' });
    expect(trade.asked).to.deep.equal({ delegationId: delegations['PE'], country: 'PE' });
    expect(trade.state).to.equal('accepted');
    expect(trade.slot.startsAt).to.equal(slots[0]!.startsAt.toISOString());
    expect(first.body.next)
      .to.match(/^\d+\.[0-9a-f]{24}$/)
      .and.contain(trade.id);
    const last = await get(secret, `${path}?limit=1&after=${first.body.next}`);
    expect(last.body.bilaterals.map((b: { subject: string }) => b.subject)).to.deep.equal(['Health']);
    expect(last.body).to.not.have.property('next');
    expect((await get(secret, `${path}?state=declined`)).body.bilaterals).to.deep.equal([]);
    for (const bad of ['after=1', 'limit=100', 'state=booked'])
      expect((await get(secret, `${path}?${bad}`)).status, bad).to.equal(422);
    expect((await request(foro.url).get(`/api/v1${path}`)).status).to.equal(401);
    expect((await get(secret, `/events/0123456789abcdef01234567/bilaterals`)).status).to.equal(404);
  });
  it('pages many bilaterals of one state by cursor, reading blocks by equality, rows added meanwhile shown once', async () => {
    const { organizer, event } = await forum();
    const meeting = (n: number, state: string) => ({
      eventId: event.id,
      askingId: `a${n}`,
      askedId: `b${n}`,
      askingCountry: 'EC',
      askedCountry: 'PE',
      offeredSlots: [],
      subject: `Meeting ${n}`,
      level: 'expert',
      state,
      stateAt: new Date(),
      sequence: 0,
      requestedAt: new Date(),
      requestedBy: 'test',
    });
    await Bilateral.insertMany(
      Array.from({ length: 300 }, (_, i) => meeting(i + 1, i % 2 === 0 ? 'requested' : 'declined')),
    );
    const secret = await tokenFor(organizer.user.id);
    const path = `/events/${event.id}/bilaterals?state=requested`;
    let first: request.Response | undefined;
    const seen = await queriesDuring(async () => {
      first = await get(secret, path);
    });
    const reads = seen.filter((q) => q.collection === 'bilaterals');
    expect(reads.length).to.be.greaterThan(0);
    for (const read of reads) {
      expect(isPlainEquality(read.filter), JSON.stringify(read.filter)).to.equal(true);
      expect(read.filter, 'a page reads blocks, not the whole event').to.have.property('block');
    }
    const subjects = (res: request.Response) =>
      res.body.bilaterals.map((b: { subject: string }) => Number(b.subject.split(' ')[1]));
    expect(subjects(first!)).to.have.length(50);
    await Bilateral.insertMany(Array.from({ length: 5 }, (_, i) => meeting(301 + i, 'requested')));
    const rest: number[] = [];
    for (let next = first!.body.next as string | undefined; next !== undefined;) {
      const page = await get(secret, `${path}&after=${next}`);
      rest.push(...subjects(page));
      next = page.body.next;
    }
    expect([...subjects(first!), ...rest]).to.deep.equal([
      ...Array.from({ length: 150 }, (_, i) => 2 * i + 1),
      ...Array.from({ length: 5 }, (_, i) => 301 + i),
    ]);
  });
});
