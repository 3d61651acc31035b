import { expect } from 'chai';
import { Session } from '../../src/modules/agenda/sessions/session.model.js';
import { Assignment } from '../../src/modules/agenda/assignments/assignment.model.js';
import { Message } from '../../src/modules/messaging/index.js';
import { Types } from 'mongoose';
import { SideEventProposal, slotsOf } from '../../src/modules/side-events/index.js';
import { numberOlderProposals, proposalsPage } from '../../src/modules/side-events/proposal.list.js';
import { ProposalNumberHint } from '../../src/modules/side-events/proposal.model.js';
import { queriesDuring } from '../support/queries.js';
import { createPublishedEvent } from '../factories/events.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfTokenIn, signedInAs } from '../support/http.js';

type Agent = ReturnType<typeof browserAgent>;

describe('side events: the call, the proposer’s link, review, slots held once', function () {
  this.timeout(90_000);
  const foro = useTestForo(import.meta.url, {
    env: { REGISTRATION_RATE_LIMIT_PER_ADDRESS: '1000', LINK_RATE_LIMIT_PER_ADDRESS: '1000' },
  });
  afterEach(() => foro.clock.set('2008-04-01T12:00:00Z'));

  /** A published event whose call is open until 5 April, with two slots in Sala Azuay on the 10th. */
  async function openCall(rules: Record<string, string> = {}) {
    const organizer = await signedInAs(foro.url, 'organizer');
    await organizer.agent.get('/admin?lang=en');
    const event = await createPublishedEvent({ countries: ['EC', 'PE'] }, organizer.actor);
    const settings = `/admin/events/${event.id}/side-events/settings`;
    const csrf = csrfTokenIn((await organizer.agent.get(settings)).text);
    const saved = await organizer.agent
      .post(settings)
      .type('form')
      .send({ _csrf: csrf, opensOn: '2008-03-01', closesOn: '2008-04-05', ...rules });
    expect(saved.status).to.equal(303);
    const azuay = event.rooms.find((r) => r.name === 'Sala Azuay')!;
    const added = await organizer.agent
      .post(`/admin/events/${event.id}/side-events/slots`)
      .type('form')
      .send({
        _csrf: csrf,
        roomId: azuay.id,
        date: '2008-04-10',
        start: '13:00',
        end: '15:00',
        minutes: '60',
      });
    expect(added.status).to.equal(303);
    const slots = await slotsOf(event.id, 'side-event');
    expect(slots).to.have.length(2);
    return { organizer, event, csrf, slots };
  }

  const proposalForm = (overrides: Record<string, string> = {}) => ({
    title_en: 'Remittances and local development',
    description_en: 'How remittances finance local projects.',
    org_0_organization: 'Red Migrante',
    org_0_country: 'EC',
    org_0_sector: 'civil_society',
    contactGivenName: 'Jane',
    contactFamilyName: 'Doe',
    contactEmail: 'jane@redmigrante.example',
    contactLanguage: 'en',
    expectedAttendance: '40',
    interpretation: 'es',
    ...overrides,
  });

  async function propose(
    slug: string,
    fields: Record<string, string>,
    agent: Agent = browserAgent(foro.url),
  ) {
    const form = await agent.get(`/events/${slug}/side-events/propose?lang=en`);
    const sent = await agent
      .post(`/events/${slug}/side-events/propose?lang=en`)
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), ...fields });
    return { agent, sent, form };
  }

  async function proposeOk(slug: string, fields: Record<string, string>) {
    const { agent, sent } = await propose(slug, fields);
    expect(sent.status, sent.text.slice(0, 2000)).to.equal(303);
    const page = String(sent.headers['location']).replace(/\?.*$/, '');
    expect(page).to.match(/^\/side-events\/[A-Za-z0-9_-]{43}$/);
    const proposal = (await SideEventProposal.findOne({ 'contact.email': fields['contactEmail'] }).lean())!;
    return { agent, page, id: String(proposal._id) };
  }

  it('says when there is no call, refuses bad input in the proposer’s language, and takes a proposal in English', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const plain = await createPublishedEvent({}, organizer.actor);
    const none = await browserAgent(foro.url).get(`/events/${plain.slug}/side-events/propose?lang=en`);
    expect(none.text).to.contain('This event has no call for side events.');

    const { event, slots } = await openCall();
    const form = await browserAgent(foro.url).get(`/events/${event.slug}/side-events/propose?lang=en`);
    expect(form.status).to.equal(200);
    expect(form.text).to.contain('Proposals are accepted until').and.contain('Sala Azuay');

    const bad = await propose(
      event.slug,
      proposalForm({ title_en: '', contactEmail: 'not-an-address', expectedAttendance: '0' }),
    );
    expect(bad.sent.status).to.equal(422);
    expect(bad.sent.text)
      .to.contain('href="#title"')
      .and.contain('href="#contactEmail"')
      .and.contain('href="#expectedAttendance"');
    expect(bad.sent.text, 'what was typed stays').to.contain('value="Red Migrante"');
    const unknown = await propose(event.slug, proposalForm({ slot_1: '0123456789abcdef01234567' }));
    expect(unknown.sent.status).to.equal(422);
    expect(unknown.sent.text).to.contain('href="#slot_1"');
    expect(await SideEventProposal.countDocuments({})).to.equal(0);

    const { agent, page, id } = await proposeOk(
      event.slug,
      proposalForm({ slot_1: slots[1]!.id, slot_2: slots[0]!.id }),
    );
    const stored = (await SideEventProposal.findById(id).lean())!;
    expect(stored.state).to.equal('submitted');
    expect(stored.number).to.equal(1);
    expect(stored.preferredSlots).to.deep.equal([slots[1]!.id, slots[0]!.id]);
    const own = await agent.get(page);
    expect(own.text)
      .to.contain('Proposal sent.')
      .and.contain('>Sent<')
      .and.contain('Remittances and local development');

    const mail = (await Message.findOne({ 'to.email': 'jane@redmigrante.example' }).lean())!;
    expect(mail.subject).to.equal('Side event proposal received: Remittances and local development');
    expect(mail.text).to.match(/\/side-events\/[A-Za-z0-9_-]{43}\?lang=en/);
    const mailed = /\/side-events\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    expect(mailed, 'the mail carries a link of its own').to.not.equal(page.split('/')[2]);
    expect((await browserAgent(foro.url).get(`/side-events/${mailed}`)).status).to.equal(200);
    expect((await browserAgent(foro.url).get(`/side-events/${'x'.repeat(43)}`)).status).to.equal(404);

    const csrf = csrfTokenIn(own.text);
    const edited = await agent
      .post(page)
      .type('form')
      .send({ _csrf: csrf, ...proposalForm({ title_en: 'Remittances, diasporas and local development' }) });
    expect(edited.status).to.equal(303);
    expect((await SideEventProposal.findById(id).lean())!.title!.en).to.equal(
      'Remittances, diasporas and local development',
    );

    // After the call closes: a clear message, nothing changes, nothing new is taken (a form
    // opened while the call was open and sent after it closed included).
    const latecomer = browserAgent(foro.url);
    const lateForm = await latecomer.get(`/events/${event.slug}/side-events/propose?lang=en`);
    foro.clock.set('2008-04-06T12:00:00Z');
    const closedPage = await agent.get(page);
    expect(closedPage.text).to.contain('The call is closed: the proposal can no longer be changed.');
    expect(closedPage.text).to.not.contain(`action="${page}" class="wide"`);
    const late = await agent
      .post(page)
      .type('form')
      .send({ _csrf: csrf, ...proposalForm({ title_en: 'Too late' }) });
    expect(late.status).to.equal(409);
    expect(late.text).to.contain('The call for side events is closed');
    const sentLate = await latecomer
      .post(`/events/${event.slug}/side-events/propose?lang=en`)
      .type('form')
      .send({ _csrf: csrfTokenIn(lateForm.text), ...proposalForm({ contactEmail: 'late@example.org' }) });
    expect(sentLate.status).to.equal(409);
    expect(sentLate.text).to.contain(
      'The call for side events is closed: no more proposals or changes are accepted.',
    );
    expect((await latecomer.get(`/events/${event.slug}/side-events/propose?lang=en`)).text).to.contain(
      'The call for side events closed on',
    );
    expect(await SideEventProposal.countDocuments({})).to.equal(1);
  });

  it('shows which rule a proposal fails and why, to the proposer and in the team’s list', async () => {
    const { organizer, event } = await openCall({ memberStateOrganizer: 'yes', maxPerOrganization: '1' });
    const first = await proposeOk(event.slug, proposalForm());
    const own = await first.agent.get(first.page);
    expect(own.text).to.contain(
      'No organizer is the government of a member state (government sector and a participating country).',
    );
    expect(own.text).to.match(/data-rule="maxPerOrganization" data-ok="yes"/);
    await proposeOk(
      event.slug,
      proposalForm({
        contactEmail: 'other@redmigrante.example',
        org_0_organization: 'Ministerio de Relaciones Exteriores',
        org_0_sector: 'government',
        org_0_country: 'PE',
        org_1_organization: 'red  migrante',
        org_1_sector: 'civil_society',
      }),
    );
    const list = await organizer.agent.get(`/admin/events/${event.id}/side-events`);
    expect(list.status).to.equal(200);
    const rows = [...list.text.matchAll(/<tr data-proposal="[^"]+">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
    expect(rows).to.have.length(2);
    expect(rows[0])
      .to.contain('No organizer is the government of a member state')
      .and.contain('Red Migrante appears in 2 proposals; the call allows 1.');
    expect(rows[1]).to.not.contain('No organizer is the government');
    expect(rows[1]).to.contain('appears in 2 proposals');
  });

  it('holds a slot for one side event when two organizers accept into it at once; the other gets 409 and the next free slots', async () => {
    const { organizer, event, slots } = await openCall();
    const a = await proposeOk(event.slug, proposalForm({ slot_1: slots[0]!.id }));
    const b = await proposeOk(
      event.slug,
      proposalForm({
        contactEmail: 'ana@flacso.example',
        contactLanguage: 'es',
        contactGivenName: 'Ana',
        contactFamilyName: 'Pérez',
        title_en: '',
        title_es: 'Mujeres migrantes',
      }),
    );
    const second = await signedInAs(foro.url, 'admin');
    await second.agent.get('/admin?lang=en');
    const pageA = `/admin/events/${event.id}/side-events/${a.id}`;
    const pageB = `/admin/events/${event.id}/side-events/${b.id}`;
    const csrf1 = csrfTokenIn((await organizer.agent.get(pageA)).text);
    const csrf2 = csrfTokenIn((await second.agent.get(pageB)).text);
    const [one, two] = await Promise.all([
      organizer.agent.post(`${pageA}/accept`).type('form').send({ _csrf: csrf1, slotId: slots[0]!.id }),
      second.agent.post(`${pageB}/accept`).type('form').send({ _csrf: csrf2, slotId: slots[0]!.id }),
    ]);
    expect([one.status, two.status].sort()).to.deep.equal([303, 409]);
    const loser = one.status === 409 ? one : two;
    expect(loser.text).to.contain('Another side event has just taken this slot.');
    const offered = /<section class="notice" id="next-free-slots"[\s\S]*?<\/section>/.exec(loser.text)![0];
    expect(offered).to.contain(`data-slot="${slots[1]!.id}"`).and.not.contain(slots[0]!.id);

    const accepted = await SideEventProposal.find({ state: 'accepted' }).lean();
    expect(accepted).to.have.length(1);
    const sessions = await Session.find({ eventId: event.id, type: 'side_event' }).lean();
    expect(sessions).to.have.length(1);
    expect(sessions[0]!.status).to.equal('scheduled');
    expect(sessions[0]!.roomId).to.equal(slots[0]!.roomId);
    expect(sessions[0]!.startsAt!.toISOString()).to.equal(slots[0]!.startsAt.toISOString());
    expect(
      await Assignment.countDocuments({
        sessionId: String(sessions[0]!._id),
        role: 'chair',
        status: 'confirmed',
      }),
    ).to.equal(1);

    // The winner's proposer is told in their own language.
    const winner = accepted[0]!;
    const mail = (await Message.findOne({
      'to.email': winner.contact!.email,
      template: 'sideEvent.accepted',
    }).lean())!;
    if (winner.contact!.language === 'es')
      expect(mail.subject).to.equal('Evento paralelo aceptado: Mujeres migrantes');
    else expect(mail.subject).to.equal('Side event accepted: Remittances and local development');
    expect(mail.text)
      .to.contain('Sala Azuay')
      .and.match(/13:00–14:00/);

    // The slot is shown as taken; the loser can still be accepted into the next free one.
    const loserId = String(winner._id) === a.id ? b.id : a.id;
    const retry = await organizer.agent
      .post(`/admin/events/${event.id}/side-events/${loserId}/accept`)
      .type('form')
      .send({ _csrf: csrf1, slotId: slots[1]!.id });
    expect(retry.status).to.equal(303);
    expect(await SideEventProposal.countDocuments({ state: 'accepted' })).to.equal(2);
  });

  it('merges two proposals (both proposers told), waitlists, and offers a freed slot to the waiting list', async () => {
    const { organizer, event, slots, csrf } = await openCall();
    const a = await proposeOk(event.slug, proposalForm({ slot_1: slots[0]!.id }));
    const b = await proposeOk(
      event.slug,
      proposalForm({ contactEmail: 'bob@example.org', org_0_organization: 'FLACSO' }),
    );
    const c = await proposeOk(
      event.slug,
      proposalForm({ contactEmail: 'carla@example.org', contactLanguage: 'pt', org_0_organization: 'IOM' }),
    );
    const base = `/admin/events/${event.id}/side-events`;

    const ask = await organizer.agent
      .post(`${base}/${a.id}/merge`)
      .type('form')
      .send({ _csrf: csrf, otherNumber: '2' });
    expect(ask.status).to.equal(200);
    expect(ask.text).to.contain('Merge proposal no. 2 into this one?');
    const merged = await organizer.agent
      .post(`${base}/${a.id}/merge`)
      .type('form')
      .send({ _csrf: csrf, otherNumber: '2', confirmed: 'yes' });
    expect(merged.status).to.equal(303);
    const joint = (await SideEventProposal.findById(a.id).lean())!;
    expect(joint.organizers.map((o) => o.organization)).to.deep.equal(['Red Migrante', 'FLACSO']);
    expect((await SideEventProposal.findById(b.id).lean())!.state).to.equal('merged');
    const told = await Message.find({ template: 'sideEvent.merged' }).lean();
    expect(told.map((m) => m.to[0]!.email).sort()).to.deep.equal([
      'bob@example.org',
      'jane@redmigrante.example',
    ]);
    const bPage = await b.agent.get(b.page);
    expect(bPage.text).to.contain('Your proposal has been merged into the joint proposal');

    const waitlist = await organizer.agent
      .post(`${base}/${c.id}/state`)
      .type('form')
      .send({ _csrf: csrf, state: 'waitlisted' });
    expect(waitlist.status).to.equal(303);
    expect((await Message.findOne({ template: 'sideEvent.waitlisted' }).lean())!.subject).to.equal(
      'Evento paralelo na lista de espera: Remittances and local development',
    );
    expect(
      (
        await organizer.agent
          .post(`${base}/${a.id}/accept`)
          .type('form')
          .send({ _csrf: csrf, slotId: slots[0]!.id })
      ).status,
    ).to.equal(303);
    const acceptedMails = await Message.find({ template: 'sideEvent.accepted' }).lean();
    expect(acceptedMails, 'each proposer of the joint proposal').to.have.length(2);

    // Withdrawn after acceptance: the session is cancelled and the slot offered to the waiting list.
    const ask2 = await organizer.agent
      .post(`${base}/${a.id}/state`)
      .type('form')
      .send({ _csrf: csrf, state: 'withdrawn' });
    expect(ask2.text).to.contain('Withdraw the proposal?');
    const withdrawn = await organizer.agent
      .post(`${base}/${a.id}/state`)
      .type('form')
      .send({ _csrf: csrf, state: 'withdrawn', confirmed: 'yes' });
    expect(withdrawn.status).to.equal(303);
    const session = (await Session.findOne({ eventId: event.id, type: 'side_event' }).lean())!;
    expect(session.status).to.equal('cancelled');
    const offer = (await Message.findOne({ template: 'sideEvent.slotOffered' }).lean())!;
    expect(offer.to[0]!.email).to.equal('carla@example.org');
    const offerLink = /\/side-events\/[A-Za-z0-9_-]{43}/.exec(offer.text)![0];
    const cPage = await c.agent.get(offerLink);
    expect(cPage.text).to.contain('id="offer"');
    const took = await c.agent
      .post(`${offerLink}/take-slot`)
      .type('form')
      .send({ _csrf: csrfTokenIn(cPage.text) });
    expect(took.status).to.equal(303);
    const taken = (await SideEventProposal.findById(c.id).lean())!;
    expect(taken.state).to.equal('accepted');
    expect(taken.slotId).to.equal(slots[0]!.id);
  });

  it('lets viewers read the proposals but not decide, and keeps the list paged', async () => {
    const { event, slots } = await openCall();
    const { id } = await proposeOk(event.slug, proposalForm());
    const viewer = await signedInAs(foro.url, 'viewer');
    const page = await viewer.agent.get(`/admin/events/${event.id}/side-events/${id}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.not.contain('action="/admin/events/').and.not.contain('jane@redmigrante.example');
    const csrf = csrfTokenIn((await viewer.agent.get('/admin/events')).text);
    const refused = await viewer.agent
      .post(`/admin/events/${event.id}/side-events/${id}/accept`)
      .type('form')
      .send({ _csrf: csrf, slotId: slots[0]!.id });
    expect(refused.status).to.equal(403);

    const more = Array.from({ length: 50 }, (_, i) => ({
      eventId: event.id,
      number: i + 2,
      title: { en: `Proposal ${i + 2}` },
      organizers: [{ organization: `Org ${i}`, sector: 'academia' }],
      contact: { givenName: 'A', familyName: 'B', email: `p${i}@example.org`, language: 'en' },
      state: 'submitted',
      stateAt: new Date(),
      submittedAt: new Date(),
    }));
    await SideEventProposal.insertMany(more);
    const first = await viewer.agent.get(`/admin/events/${event.id}/side-events`);
    expect([...first.text.matchAll(/<tr data-proposal=/g)]).to.have.length(50);
    const next = /rel="next" href="\?([^"]+)"/.exec(first.text)?.[1];
    expect(next).to.match(/^after=\d+\.[0-9a-f]{24}$/);
    const second = await viewer.agent.get(`/admin/events/${event.id}/side-events?${next}`);
    expect([...second.text.matchAll(/<tr data-proposal=/g)]).to.have.length(1);
    expect(second.text).to.contain('Proposal 51');
    const previous = /rel="prev" href="\?([^"]+)"/.exec(second.text)?.[1];
    const back = await viewer.agent.get(`/admin/events/${event.id}/side-events?${previous}`);
    expect([...back.text.matchAll(/<tr data-proposal=/g)]).to.have.length(50);
    expect(back.text).to.contain('Proposal 50').and.not.contain('Proposal 51');
  });
  it('numbers simultaneous proposals once each, from the last number given, without reading the call', async () => {
    const { event } = await openCall();
    const forms = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const agent = browserAgent(foro.url);
        const form = await agent.get(`/events/${event.slug}/side-events/propose?lang=en`);
        return { agent, csrf: csrfTokenIn(form.text) };
      }),
    );
    const sent = await Promise.all(
      forms.map(({ agent, csrf }, i) =>
        agent
          .post(`/events/${event.slug}/side-events/propose?lang=en`)
          .type('form')
          .send({ _csrf: csrf, ...proposalForm({ contactEmail: `p${i}@example.org` }) }),
      ),
    );
    expect(sent.map((r) => r.status)).to.deep.equal(sent.map(() => 303));
    const numbers = (await SideEventProposal.find({ eventId: event.id }, { number: 1 }).lean())
      .map((p) => p.number)
      .sort((a, b) => a - b);
    expect(numbers).to.deep.equal(Array.from({ length: 12 }, (_, i) => i + 1));

    // A hint left behind (two writes finishing out of order) costs retries, never a double number.
    await ProposalNumberHint.updateOne({ _id: event.id }, { $set: { last: 3 } });
    const seen = await queriesDuring(() =>
      proposeOk(event.slug, proposalForm({ contactEmail: 'late@example.org' })),
    );
    expect(
      (await SideEventProposal.findOne({ 'contact.email': 'late@example.org' }).lean())!.number,
    ).to.equal(13);
    const reads = seen.filter((q) => q.collection === 'sideeventproposals' && q.method === 'find');
    for (const read of reads)
      expect(read.filter, 'no read of the whole call').to.not.deep.equal({ eventId: event.id });
  });

  it('gives proposals stored before the list was paged their blocks, organization keys and the next number', async () => {
    const { event } = await openCall();
    const older = Array.from({ length: 5 }, (_, i) => ({
      _id: new Types.ObjectId(),
      eventId: event.id,
      number: i + 1,
      title: { en: `Older ${i + 1}` },
      organizers: [{ organization: i % 2 ? 'FLACSO  Ecuador' : 'Red Migrante', sector: 'academia' }],
      otherContacts: [],
      preferredSlots: [],
      interpretation: [],
      mergedFrom: [],
      contact: { givenName: 'A', familyName: 'B', email: `o${i}@example.org`, language: 'en' },
      state: 'submitted',
      stateAt: new Date(),
      submittedAt: new Date(),
      revision: 1,
    }));
    await SideEventProposal.collection.insertMany(older);
    await numberOlderProposals.run();
    const stored = await SideEventProposal.find({ eventId: event.id }).lean();
    expect(stored.every((p) => typeof p.block === 'number')).to.equal(true);
    expect(stored.find((p) => p.number === 4)!.organizationKeys).to.deep.equal(['flacso ecuador']);
    const page = await proposalsPage(event.id, { size: 10 });
    expect(
      page.rows.map((p) => p.number),
      'in the order of their numbers',
    ).to.deep.equal([1, 2, 3, 4, 5]);
    const next = await proposeOk(event.slug, proposalForm({ contactEmail: 'new@example.org' }));
    expect((await SideEventProposal.findById(next.id).lean())!.number).to.equal(6);
    // Its rule checks count the older proposals of its organization, read by their key.
    expect(
      (await SideEventProposal.find({ eventId: event.id, organizationKeys: 'red migrante' }).lean()).length,
    ).to.equal(4);
  });
});
