import { expect } from 'chai';
import request from 'supertest';
import { AuditEntry } from '../../src/modules/audit/audit.model.js';
import { Message } from '../../src/modules/messaging/index.js';
import { createTestPerson } from '../factories/people.js';
import { SpeakerEntry } from '../../src/modules/plenary/speakers-list/speakers.model.js';
import { Registration } from '../../src/modules/registrations/index.js';
import { IBERO_AMERICAN_STATES } from '../../src/shared/countries.js';
import { createPlenary, delegationOf } from '../factories/plenary.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';
import { binaryBody, readPdf } from '../support/pdf.js';

const LEVELS = ['head_of_state', 'minister', 'vice_minister', 'ambassador', 'head_of_delegation', 'other'];

describe('plenary: lists of speakers, inscribed by focal points and organizers', function () {
  this.timeout(180_000);
  const foro = useTestForo(import.meta.url, {
    env: {
      RATE_LIMIT_MAX: '100000',
      REGISTRATION_RATE_LIMIT_PER_ADDRESS: '100000',
      LINK_RATE_LIMIT_PER_ADDRESS: '100000',
    },
  });

  async function forum(countries: string[] = ['EC', 'PE', 'MX']) {
    foro.clock.set('2008-04-01T12:00:00Z');
    const organizer = await signedInAs(foro.url, 'organizer');
    const { event, session } = await createPlenary(organizer.actor, countries);
    const page = `/admin/events/${event.id}/sessions/${session.id}/speakers`;
    const csrf = csrfTokenIn((await organizer.agent.get(page)).text);
    const open = async (fields: Record<string, string> = {}) => {
      const sent = await organizer.agent
        .post(page)
        .type('form')
        .send({
          _csrf: csrf,
          opensDate: '2008-03-31',
          opensTime: '08:00',
          closesDate: '2008-04-09',
          closesTime: '18:00',
          minutes: '5',
          headMinutes: '8',
          onePerDelegation: 'yes',
          moveNotice: '1',
          ...fields,
        });
      expect(sent.status, sent.text.slice(0, 600)).to.equal(303);
    };
    const post = (path: string, fields: Record<string, string>) =>
      organizer.agent
        .post(`${page}${path}`)
        .type('form')
        .send({ _csrf: csrf, ...fields });
    return { organizer, event, session, page, open, post };
  }

  async function delegateOf(f: Awaited<ReturnType<typeof forum>>, country: string, role = 'head') {
    const d = await delegationOf(foro.url, f.event, country);
    await d.name('Ana', `Jefa${country}`, role);
    const member = (await Registration.findOne({ delegationId: d.id }).lean())!;
    const inscribe = (fields: Record<string, string>, lang = 'es') =>
      d.focal
        .post(`/nominations/${d.token}/speakers/${f.session.id}?lang=${lang}`)
        .type('form')
        .send({ _csrf: d.csrf, speaker: member.personId, language: 'es', ...fields });
    return { ...d, personId: member.personId, inscribe };
  }

  it('orders twenty focal points inscribing at the same instant strictly, by level and then by arrival', async () => {
    const countries = IBERO_AMERICAN_STATES.slice(0, 20);
    const f = await forum([...countries]);
    await f.open();
    const delegates = [];
    for (const country of countries) delegates.push(await delegateOf(f, country));
    const answers = await Promise.all(
      delegates.map((d, i) => d.inscribe({ level: LEVELS[i % LEVELS.length]! })),
    );
    expect(answers.map((a) => a.status)).to.deep.equal(answers.map(() => 303));

    const entries = await SpeakerEntry.find({}).lean();
    expect(entries).to.have.length(20);
    expect(new Set(entries.map((e) => e.seq)).size, 'every entry its own number').to.equal(20);
    const expected = [...entries]
      .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.seq - b.seq)
      .map((e) => e.country);

    const api = await f.organizer.agent.get(`/api/v1/events/${f.event.id}/sessions/${f.session.id}/speakers`);
    expect(api.status).to.equal(200);
    const order = (api.body as { entries: { country: string; place: number }[] }).entries;
    expect(order.map((e) => e.country)).to.deep.equal(expected);
    expect(order.map((e) => e.place)).to.deep.equal(order.map((_, i) => i + 1));
    // The same order on the organizers' page, read twice.
    for (let i = 0; i < 2; i++) {
      const page = await f.organizer.agent.get(f.page);
      const rows = [
        ...page.text.matchAll(
          /<tr data-entry="[a-f0-9]+" data-status="\w+"><td>(\d+)<\/td><td>([^<]+)<\/td>/g,
        ),
      ];
      expect(rows.map((r) => Number(r[1]))).to.deep.equal(expected.map((_, j) => j + 1));
    }
  });

  it('refuses another delegation’s person (404), a second inscription on a one-per-delegation list (409), and a closed window in the focal point’s language', async () => {
    const f = await forum();
    await f.open();
    const ec = await delegateOf(f, 'EC');
    const pe = await delegateOf(f, 'PE');
    const foreign = await pe.inscribe({ level: 'minister', speaker: ec.personId });
    expect(foreign.status).to.equal(404);
    expect(await SpeakerEntry.countDocuments({})).to.equal(0);

    expect((await ec.inscribe({ level: 'minister' })).status).to.equal(303);
    const twice = await ec.inscribe({ level: 'ambassador' });
    expect(twice.status).to.equal(409);
    expect(twice.text).to.contain('Su delegación ya tiene una inscripción en esta lista');
    expect(await SpeakerEntry.countDocuments({})).to.equal(1);

    foro.clock.set('2008-03-30T12:00:00Z');
    const early = await pe.inscribe({ level: 'minister' }, 'es');
    expect(early.status).to.equal(409);
    expect(early.text).to.match(
      /Las inscripciones en esta lista de oradores se abren el 31 mar 2008, 8:00 \(GMT-5\)/,
    );
    foro.clock.set('2008-04-10T12:00:00Z');
    const late = await pe.inscribe({ level: 'minister' }, 'pt');
    expect(late.status).to.equal(409);
    expect(late.text).to.contain('As inscrições nesta lista de oradores foram encerradas em');
    const lateEn = await pe.inscribe({ level: 'minister' }, 'en');
    expect(lateEn.text).to.contain('Inscriptions on this list of speakers closed on');
    expect(await SpeakerEntry.countDocuments({})).to.equal(1);
  });

  it('lets organizers inscribe observers from the directory and move entries (audited), publishes the list with mails, page, PDF and API', async () => {
    const f = await forum();
    await f.open();
    const ec = await delegateOf(f, 'EC');
    const pe = await delegateOf(f, 'PE');
    expect((await pe.inscribe({ level: 'ambassador' })).status).to.equal(303);
    expect((await ec.inscribe({ level: 'minister' })).status).to.equal(303);
    const oim = await createTestPerson({
      givenName: 'Mary',
      familyName: 'Smith',
      email: 'mary@iom.example',
      sector: 'international_organization',
      organization: 'OIM',
      language: 'en',
    });
    const found = await f.organizer.agent.get(`${f.page}?q=Smith`);
    expect(found.text).to.contain(`value="${oim.id}"`);
    expect((await f.post('/entries', { personId: oim.id, level: 'other', language: 'en' })).status).to.equal(
      303,
    );

    // Not published: the public page names nobody.
    const hidden = await request(foro.url).get(`/events/${f.event.slug}/sessions/${f.session.id}/speakers`);
    expect(hidden.status).to.equal(200);
    expect(hidden.text).to.contain('todavía no se ha publicado').and.not.contain('JefaEC');
    expect(await Message.countDocuments({ template: 'speakers.place' })).to.equal(0);

    expect((await f.post('/publish', {})).status).to.equal(303);
    const first = await Message.find({ template: 'speakers.place' }).lean();
    expect(first).to.have.length(3);
    const ecMail = first.find((m) => m.to[0]!.email.includes('.ec@'))!;
    // Ecuador's minister speaks first at 09:00 with 8 minutes (head); Peru's ambassador at 09:08.
    expect(ecMail.text).to.contain('Lugar en la lista: 1').and.contain('10 abr 2008, 9:00 (GMT-5)');
    const peMail = first.find((m) => m.to[0]!.email.includes('.pe@'))!;
    expect(peMail.text).to.contain('Lugar en la lista: 2').and.contain('9:08');
    const oimMail = first.find((m) => m.to[0]!.email === 'mary@iom.example')!;
    expect(oimMail.subject).to.equal('Your place on the list of speakers: Opening plenary');
    expect(oimMail.text).to.contain('Place on the list: 3');

    for (const [lang, status] of [
      ['es', 'Inscrito/a'],
      ['pt', 'Inscrito/a'],
      ['en', 'Inscribed'],
    ] as const) {
      const shown = await request(foro.url).get(
        `/events/${f.event.slug}/sessions/${f.session.id}/speakers?lang=${lang}`,
      );
      expect(shown.text).to.contain('Ana JefaEC').and.contain('Mary Smith').and.contain(status);
    }
    const pdf = await request(foro.url)
      .get(`/events/${f.event.slug}/sessions/${f.session.id}/speakers.pdf?lang=pt`)
      .buffer(true)
      .parse(binaryBody);
    expect(pdf.status).to.equal(200);
    const { text } = await readPdf(pdf.body as Buffer);
    expect(text)
      .to.contain('Lista de oradores: Plenária de abertura')
      .and.contain('1. Equador')
      .and.contain('Ana JefaPE');

    // The observer moves to the top: audited, and the two who moved by more than one place are mailed again.
    const entry = (await SpeakerEntry.findOne({ personId: oim.id }).lean())!;
    expect((await f.post(`/entries/${String(entry._id)}/move`, { to: '1' })).status).to.equal(303);
    const moved = await AuditEntry.find({ action: 'speakers.moved' }).lean();
    expect(moved).to.have.length(1);
    const page = await f.organizer.agent.get(f.page);
    expect(page.text).to.contain('movió a Mary Smith del lugar 3 al 1');
    const again = await Message.find({ template: 'speakers.place' }).lean();
    expect(again.length - first.length, 'only Mary moved by more than one place').to.equal(1);
    // The database returns documents in no set order: pick Mary's newest mail by its id.
    const toMary = again.filter((m) => m.to[0]!.email === 'mary@iom.example');
    toMary.sort((a, b) => String(a._id).localeCompare(String(b._id)));
    expect(toMary).to.have.length(2);
    expect(toMary.at(-1)!.text).to.contain('Place on the list: 1');
  });
});
