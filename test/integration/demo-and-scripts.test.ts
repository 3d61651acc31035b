import { binaryBody, readPdf } from '../support/pdf.js';
import { expect } from 'chai';
import { Message } from '../../src/modules/messaging/index.js';
import { OutcomeDocument, OutcomeProposal } from '../../src/modules/outcome/index.js';
import request from 'supertest';
import { User } from '../../src/modules/auth/user.model.js';
import { CUENCA_EVENT, DEMO_USERS, seedDemo } from '../../src/modules/demo/index.js';
import { Event, getEvent } from '../../src/modules/events/index.js';
import { Assignment } from '../../src/modules/agenda/assignments/assignment.model.js';
import { Session } from '../../src/modules/agenda/sessions/session.model.js';
import { checkProgramme, loadWorkingProgramme } from '../../src/modules/agenda/index.js';
import { Person } from '../../src/modules/people/index.js';
import { Registration } from '../../src/modules/registrations/index.js';
import { ProgrammeVersion } from '../../src/modules/published-programme/version.model.js';
import { Bilateral, BilateralBooking } from '../../src/modules/bilaterals/index.js';
import { SideEventProposal, OfferedSlot } from '../../src/modules/side-events/index.js';
import { SpeakerEntry, SpeakersList } from '../../src/modules/plenary/speakers-list/speakers.model.js';
import { Credentials } from '../../src/modules/plenary/credentials/credentials.model.js';
import { SeatingDraw, SeatingPlan } from '../../src/modules/plenary/seating/seating.model.js';
import { useTestForo } from '../support/foro.js';
import { runNpm as runNpmFor } from '../support/npm.js';
import { browserAgent, signIn } from '../support/http.js';

const runNpm = (script: string, args: string[], stdin = '') =>
  runNpmFor(import.meta.url, script, args, stdin);

describe('demo data and command-line scripts', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url);
  const actor = { label: 'test seed', via: 'cli' as const };

  it('seeds the Cuenca Forum of 2008, archived, and a practice copy in the coming months, and creates nothing twice', async () => {
    foro.clock.set('2026-12-06T12:00:00Z');
    const first = await seedDemo(actor, foro.clock);
    const second = await seedDemo(actor, foro.clock);
    expect(first.event.created).to.equal(true);
    expect(first.history.created).to.equal(true);
    expect(second.event.created).to.equal(false);
    expect(first.registrations.contacts).to.equal(23);
    expect(first.registrations.delegations, 'four in each edition').to.equal(8);
    expect(first.registrations.checkIns, 'on the first day of 2008 only').to.equal(5);
    expect(second.registrations, 'nothing twice').to.deep.equal({
      contacts: 0,
      delegations: 0,
      registrations: 0,
      checkIns: 0,
    });
    expect([first.documents, second.documents], 'five documents in each edition, once').to.deep.equal([
      10, 0,
    ]);
    expect([first.outcome, second.outcome], 'the zero draft and its round, once').to.deep.equal([
      { created: true, paragraphs: 12, proposals: 3 },
      { created: false, paragraphs: 0, proposals: 0 },
    ]);
    const { seating, ...meeting } = first.meeting;
    expect(CUENCA_EVENT.countries, 'a member state drawn to sit first').to.include(seating);
    expect([meeting, second.meeting], 'the meeting of states, once').to.deep.equal([
      {
        speakers: { created: true, inscribed: 4 },
        sideEvents: { created: true, slots: 2, proposals: 3 },
        bilaterals: { created: true, slots: 8, requested: 1, accepted: 1 },
        credentials: 1,
      },
      {
        speakers: { created: false, inscribed: 0 },
        sideEvents: { created: false, slots: 0, proposals: 0 },
        bilaterals: { created: false, slots: 0, requested: 0, accepted: 0 },
        credentials: 0,
        seating: undefined,
      },
    ]);
    const [outcome] = await OutcomeDocument.find({ eventId: first.event.id }).lean();
    expect(outcome).to.include({ state: 'round-open', workingLanguage: 'es' });
    const proposals = await OutcomeProposal.find({ documentId: String(outcome!._id) }).lean();
    expect(proposals.map((p) => `${p.country} ${p.kind} ${p.language}`).sort()).to.deep.equal([
      'BR insert pt',
      'EC replace es',
      'MX add-after es',
    ]);
    expect(await OutcomeDocument.countDocuments({ eventId: first.history.id }), 'none in 2008').to.equal(0);
    const waiting = await Registration.countDocuments({
      eventId: first.event.id,
      status: 'waitlisted',
      category: 'media',
    });
    expect(waiting, 'a waiting list').to.equal(2);
    expect(await Event.countDocuments()).to.equal(2);
    expect(await User.countDocuments()).to.equal(DEMO_USERS.length);
    expect(first.logins.every((login) => login.password && login.created)).to.equal(true);
    expect(second.logins.every((login) => login.password === undefined && !login.created)).to.equal(true);

    const event = await Event.findOne({ slug: 'cuenca-2008' }).lean();
    expect(event).to.include({
      status: 'archived',
      timezone: 'America/Guayaquil',
      startDate: '2008-04-10',
      endDate: '2008-04-11',
    });
    expect(event!.publishedAt!.toISOString(), 'published while it was prepared').to.match(/^2008-03/);
    const mails2008 = await Message.find({ relatedKeys: `event:${String(event!._id)}` }).lean();
    expect(mails2008.length, 'its invitations and confirmations').to.be.greaterThan(10);
    expect(
      mails2008.filter((m) => m.status !== 'sent' || m.sentAt!.getUTCFullYear() !== 2008),
      '2008 mails went out in 2008, not when Foro starts today',
    ).to.deep.equal([]);
    const practice = await Event.findOne({ slug: 'cuenca-demo' }).lean();
    expect(practice, 'a Thursday and Friday some two months ahead').to.include({
      status: 'published',
      demo: true,
      startDate: '2027-02-04',
      endDate: '2027-02-05',
    });
    const practiceSessions = await Session.find({ eventId: first.event.id }).lean();
    const days = new Set(practiceSessions.map((s) => s.startsAt?.toISOString().slice(0, 10)));
    expect(days).to.deep.equal(new Set(['2027-02-04', '2027-02-05']));
    expect(event?.title?.es).to.equal('Foro Iberoamericano sobre Migración y Desarrollo');
    expect(event?.countries).to.have.length(22);
    expect(event?.rooms.length).to.be.at.least(3);
    expect(CUENCA_EVENT.countries).to.include.members(['AD', 'BR', 'EC', 'ES', 'PT', 'VE']);

    expect(first.programme).to.include({ created: true, version: 1 });
    expect(first.programme.people).to.be.within(35, 50);
    expect(second.programme.created).to.equal(false);
    expect(
      await Session.countDocuments(),
      'both editions, and the side event accepted in the practice one',
    ).to.equal(2 * first.programme.sessions + 1);
    const registrantsAndDelegates = 11 + 6; // the demo's public registrants and nominated delegates
    expect(await Person.countDocuments()).to.equal(first.programme.people + registrantsAndDelegates);
    expect(await ProgrammeVersion.countDocuments()).to.equal(2);
    const checks = checkProgramme({
      event: await getEvent(first.event.id),
      ...(await loadWorkingProgramme(await getEvent(first.event.id))),
    });
    expect(
      checks.warnings.map((w) => w.code),
      'the deliberate clash',
    ).to.include('person_double_booked');
    const types = new Set((await Session.find().lean()).map((s) => s.type));
    expect([...types]).to.include.members(['opening', 'plenary', 'panel', 'workshop', 'break', 'closing']);
    const roles = new Set((await Assignment.find().lean()).map((a) => a.role));
    expect([...roles]).to.include.members(['chair', 'speaker', 'commentator', 'rapporteur']);
    const programmePage = await request(foro.url).get('/events/cuenca-2008/programme?lang=pt');
    expect(programmePage.text).to.contain('Gênero e migração');

    const page = await request(foro.url).get('/events/cuenca-2008?lang=en');
    expect(page.text).to.contain('Ibero-American Forum on Migration and Development');
    expect(page.text, 'nobody registers for a forum that is over').not.to.contain('/register"');
    expect(page.text).to.match(/Published<\/dt><dd>[^<]*2008/);
    const upcoming = await request(foro.url).get('/events/cuenca-demo?lang=en');
    expect(upcoming.text).to.contain('Demo event: its data is made up');
    expect(upcoming.text).to.contain('href="/events/cuenca-demo/register"');
    const organizer = first.logins.find((login) => login.role === 'organizer')!;
    const agent = browserAgent(foro.url);
    await signIn(agent, organizer.email, organizer.password!);
    const manage = await agent.get(`/admin/events/${first.event.id}/settings`);
    expect(manage.text, 'the demo organizer is in the team').to.contain('Editar evento');
  });

  it('gives the practice edition a published list of speakers, side events, bilaterals, credentials and a seating plan, and 2008 none', async () => {
    foro.clock.set('2026-12-06T12:00:00Z');
    const report = await seedDemo(actor, foro.clock);
    await seedDemo(actor, foro.clock);
    const practice = report.event.id;
    const history = report.history.id;

    const lists = await SpeakersList.find({ eventId: practice }).lean();
    expect(lists, 'one list').to.have.length(1);
    const opening = await Session.findById(lists[0]!.sessionId).lean();
    expect(opening!.type).to.equal('opening');
    expect(lists[0]!.publishedAt, 'published').to.be.an.instanceOf(Date);
    const entries = await SpeakerEntry.find({ listId: String(lists[0]!._id) })
      .sort({ seq: 1 })
      .lean();
    expect(entries.map((e) => `${e.country ?? e.group} ${e.level} ${e.inscribedBy}`)).to.deep.equal([
      'EC minister focal point of EC (nomination link)',
      'BR minister focal point of BR (nomination link)',
      'MX ambassador focal point of MX (nomination link)',
      'organization other organizer@demo.foro.example',
    ]);
    const speakers = await request(foro.url).get(
      `/events/cuenca-demo/sessions/${String(opening!._id)}/speakers?lang=en`,
    );
    expect(speakers.status).to.equal(200);
    expect(speakers.text).to.contain('Patricio Zambrano Lema').and.contain('Luiz Fernando Castro Neves');
    expect(await Message.countDocuments({ template: 'speakers.place' }), 'each speaker told, once').to.equal(
      4,
    );

    const proposals = await SideEventProposal.find({ eventId: practice }).sort({ number: 1 }).lean();
    expect(proposals.map((p) => `${p.organizers[0]!.organization}: ${p.state}`)).to.deep.equal([
      'Organización Internacional para las Migraciones: accepted',
      'Red de Mujeres Migrantes: waitlisted',
      'Instituto Migrações e Direitos Humanos: submitted',
    ]);
    const sideEvent = await Session.findById(proposals[0]!.sessionId).lean();
    expect(sideEvent).to.include({ type: 'side_event', status: 'scheduled' });
    const call = await request(foro.url).get('/events/cuenca-demo/side-events/propose?lang=en');
    expect(call.status, 'the call is open').to.equal(200);

    const bilaterals = await Bilateral.find({ eventId: practice }).sort({ requestedAt: 1 }).lean();
    expect(bilaterals.map((b) => `${b.askingCountry}→${b.askedCountry} ${b.state}`)).to.deep.equal([
      'EC→BR accepted',
      'MX→PE requested',
    ]);
    expect(await BilateralBooking.countDocuments({ eventId: practice })).to.equal(1);
    expect(await OfferedSlot.countDocuments({ eventId: practice, kind: 'bilateral' })).to.equal(8);

    const credentials = await Credentials.find({ eventId: practice }).lean();
    expect(credentials.map((c) => `${c.country} ${c.kind} ${c.authority}`)).to.deep.equal([
      'EC original foreign_minister',
    ]);

    const plans = await SeatingPlan.find({ eventId: practice }).lean();
    expect(plans.map((p) => `${p.extraSeats} ${p.language} ${p.frozenAt ?? 'open'}`)).to.deep.equal([
      '2 es open',
    ]);
    expect(await SeatingDraw.countDocuments({ planId: String(plans[0]!._id) }), 'drawn once').to.equal(1);

    for (const model of [
      SeatingPlan,
      SpeakersList,
      SideEventProposal,
      Bilateral,
      OfferedSlot,
      Credentials,
    ] as const)
      expect(
        await (model as typeof Credentials).countDocuments({ eventId: history }),
        model.modelName,
      ).to.equal(0);
  });

  it('gives the demo its official documents: the seed paper in English, two studies without English, a statement and a revision', async () => {
    foro.clock.set('2026-12-06T12:00:00Z');
    await seedDemo(actor, foro.clock);
    const list = await request(foro.url).get('/events/cuenca-2008/documents?lang=en');
    expect(list.status).to.equal(200);
    for (const symbol of [
      'UN/POP/MIG-6CM/2007/20',
      'SEGIB/FIMD/2008/1',
      'SEGIB/FIMD/2008/2',
      'FIMD/2008/ST/EC',
    ])
      expect(list.text).to.include(symbol);
    expect(list.text).to.include('Superseded by SEGIB/FIMD/2008/1/Rev.1');
    expect(list.text).to.include('EN: not available');
    const paper = await request(foro.url)
      .get('/events/cuenca-2008/documents/UN/POP/MIG-6CM/2007/20/en')
      .buffer(true)
      .parse(binaryBody);
    expect(paper.status).to.equal(200);
    const text = (await readPdf(paper.body as Buffer)).text;
    expect(text).to.include('UN/POP/MIG-6CM/2007/20');
    expect(text).to.include('ECLAC activities in the area of');
    expect(
      (await request(foro.url).get('/events/cuenca-2008/documents/SEGIB/FIMD/2008/2/en')).status,
    ).to.equal(404);
  });
  it('gives the demo logins new passwords on request', async () => {
    const first = await seedDemo(actor, foro.clock);
    const reset = await seedDemo(actor, foro.clock, { resetPasswords: true });
    const admin = reset.logins.find((login) => login.role === 'admin')!;
    expect(admin.password).to.be.a('string').and.not.equal(first.logins[0]!.password);
    await signIn(browserAgent(foro.url), admin.email, admin.password!);
  });

  it('runs npm run seed:demo twice and prints the logins', async () => {
    const first = await runNpm('seed:demo', []);
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stdout).to.contain('cuenca-2008 (the forum of 2008): created, held and archived');
    expect(first.stdout).to.contain('cuenca-demo (a practice copy in the coming months, demo data): created');
    expect(first.stdout).to.match(/admin\s+admin@demo\.foro\.example\s+\S{12,}/);
    const second = await runNpm('seed:demo', []);
    for (const line of [
      'List of speakers: the opening session',
      'Side events: the call open, 2 slots, 3 proposals',
      'Bilateral meetings: 8 slots, 1 accepted and 1 awaiting an answer',
      'Credentials: recorded for 1 delegation (Ecuador), the others pending',
      "Seating: the plenary hall's plan, ",
    ])
      expect(first.stdout).to.contain(line);
    expect(second.stdout).to.contain('already there');
    expect(second.stdout, 'nothing seeded twice').not.to.contain('List of speakers');
    expect(await Event.countDocuments()).to.equal(2);
  });

  it('creates the first admin with npm run user:create, reading the password from stdin', async () => {
    const done = await runNpm(
      'user:create',
      ['--email', 'Admin@Cepal.example', '--name', 'Ana Admin'],
      'a long admin passphrase\n',
    );
    expect(done.code, done.stderr).to.equal(0);
    expect(done.stdout).to.contain('Created Ana Admin <admin@cepal.example> as admin');
    await signIn(browserAgent(foro.url), 'admin@cepal.example', 'a long admin passphrase');

    const short = await runNpm('user:create', ['--email', 'b@cepal.example', '--name', 'B'], 'short\n');
    expect(short.code).to.equal(1);
    expect(short.stderr).to.contain('password');
    const duplicate = await runNpm(
      'user:create',
      ['--email', 'admin@cepal.example', '--name', 'Again'],
      'a long admin passphrase\n',
    );
    expect(duplicate.code).to.equal(1);
    expect(duplicate.stderr).to.contain('already an account');
  });
});
