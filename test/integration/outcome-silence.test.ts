import { expect } from 'chai';
import mongoose from 'mongoose';
import request from 'supertest';
import { hardenQueries } from '../../src/db/index.js';
import { DocumentFile, OfficialDocument } from '../../src/modules/official-documents/index.js';
import { readAllBytes } from '../../src/modules/official-documents/file-store.js';
import { workerPdfRenderer } from '../../src/modules/documents/index.js';
import { getEvent } from '../../src/modules/events/index.js';
import { mailSettingsOf } from '../../src/modules/invitations/index.js';
import { issueLink } from '../../src/modules/links/index.js';
import { Message } from '../../src/modules/messaging/index.js';
import {
  adoptIfDue,
  adoptedSymbol,
  breakSilence,
  createOutcome,
  importDraft,
  OutcomeDocument,
  OutcomeSilence,
  OutcomeSilenceEnd,
  settleSilences,
  startSilence,
  type OutcomeDeps,
} from '../../src/modules/outcome/index.js';
import { Delegation } from '../../src/modules/registrations/delegations/delegation.model.js';
import { NOMINATION_LINK } from '../../src/modules/registrations/index.js';
import { settableClock, systemClock } from '../../src/shared/clock.js';
import { instantToLocal } from '../../src/shared/zoned-time.js';
import { createLogger } from '../../src/shared/logger.js';
import { createFocalPoint } from '../factories/delegations.js';
import { ZERO_DRAFT } from '../factories/outcome.js';
import { createPlenary } from '../factories/plenary.js';
import { createTestUser } from '../factories/users.js';
import { databaseNameFor, useTestForo } from '../support/foro.js';
import { databaseUri, runForo, type ForoProcess } from '../support/process.js';
import { browserAgent, csrfTokenIn, signedInAs } from '../support/http.js';
import { readPdf } from '../support/pdf.js';
import { deliverOutbox, useTestSmtp } from '../support/smtp.js';

describe('outcome documents: the silence procedure, its one outcome, and the adopted text published', function () {
  this.timeout(180_000);
  const foro = useTestForo(import.meta.url, { env: { LINK_RATE_LIMIT_PER_ADDRESS: '10000' } });
  const smtp = useTestSmtp();
  const renderer = workerPdfRenderer({ workers: 1, timeLimitMs: 30_000, logger: createLogger('silent') });
  after(() => renderer.close());

  const deps = (clock = foro.clock): OutcomeDeps => ({
    clock,
    settings: mailSettingsOf(foro.config),
    renderer,
    maxBytes: foro.config.officialDocuments.maxBytes,
  });
  const actor = { label: 'test', via: 'cli' as const };

  /** Cuenca's forum: Ecuador's focal point writes in Spanish, Brazil's in Portuguese, Mexico's in English. */
  async function setUp() {
    foro.clock.set('2008-04-01T12:00:00Z');
    const organizer = await signedInAs(foro.url, 'organizer');
    const { event } = await createPlenary(organizer.actor, ['EC', 'BR', 'MX']);
    const focal = async (country: string, language: 'es' | 'pt' | 'en') => {
      const contact = await createFocalPoint(country, language);
      const created = await Delegation.create({
        eventId: event.id,
        country,
        contactId: contact.id,
        quota: 5,
        invitedAt: foro.clock.now(),
        invitedBy: 'test',
      });
      const { token } = await issueLink(
        { purpose: NOMINATION_LINK, subject: String(created._id), validForMs: 365 * 86_400_000 },
        foro.clock,
      );
      return { id: String(created._id), country, token, contact, agent: browserAgent(foro.url) };
    };
    const [ec, br, mx] = [await focal('EC', 'es'), await focal('BR', 'pt'), await focal('MX', 'en')];
    return { organizer, event, ec, br, mx };
  }

  async function draftOf(eventId: string) {
    const event = await getEvent(eventId);
    const title = {
      es: 'Programa de Acción de Cuenca',
      pt: 'Programa de Ação de Cuenca',
      en: 'Cuenca Programme of Action',
    };
    const outcome = await createOutcome(event, { title, workingLanguage: 'es' }, actor, foro.clock);
    await importDraft(
      event,
      outcome.id,
      { source: ZERO_DRAFT, firstKind: 'PP', step: 'save' },
      actor,
      foro.clock,
    );
    return { event, outcome, path: `/admin/events/${eventId}/outcome/${outcome.id}` };
  }

  /** The silence until 5 April 2008, 18:00 in Cuenca (23:00 UTC), started through the team's form. */
  async function underSilence(organizer: Awaited<ReturnType<typeof setUp>>['organizer'], path: string) {
    const csrf = csrfTokenIn((await organizer.agent.get(path)).text);
    const started = await organizer.agent
      .post(`${path}/silence`)
      .type('form')
      .send({ _csrf: csrf, silenceDate: '2008-04-05', silenceTime: '18:00' });
    expect(started.status, started.text.slice(0, 400)).to.equal(303);
  }

  const breakThrough = async (
    who: { agent: ReturnType<typeof browserAgent>; token: string },
    outcomeId: string,
    reason: string,
    lang = 'en',
  ) => {
    const page = `/nominations/${who.token}/outcome/${outcomeId}`;
    const html = (await who.agent.get(`${page}?lang=${lang}`)).text;
    // Without a break form (silence over or broken) the nomination page's token serves.
    const csrf = html.includes('name="_csrf"')
      ? csrfTokenIn(html)
      : csrfTokenIn((await who.agent.get(`/nominations/${who.token}`)).text);
    return who.agent
      .post(`${page}/silence/break`)
      .type('form')
      .send({ _csrf: csrf, reason, confirmed: 'yes' });
  };

  it('has exactly one outcome when a break in the last second races the deadline passing, each time', async () => {
    const { event, ec } = await setUp();
    const tally = { broken: 0, adopted: 0 };
    // Both at once, then one side a little late, then one side plainly late (each way once at least).
    const lateBy = [
      [0, 0],
      [0, 0],
      [0, 3],
      [3, 0],
      [0, 300],
      [300, 0],
    ] as const;
    const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    for (const [round, [breakLate, adoptionLate]] of lateBy.entries()) {
      const { outcome } = await draftOf(event.id);
      foro.clock.set('2008-04-01T12:00:00Z');
      await startSilence(
        event,
        outcome.id,
        { silenceDate: '2008-04-05', silenceTime: '18:00' },
        actor,
        deps(),
      );
      // The break's request reads the clock a second before the deadline, the adoption's at it.
      const lastSecond = settableClock('2008-04-05T22:59:59Z');
      const deadline = settableClock('2008-04-05T23:00:00Z');
      const [broke, adopted] = await Promise.allSettled([
        later(breakLate).then(() =>
          breakSilence(
            event,
            outcome.id,
            { id: ec.id, country: 'EC' },
            'Falta consenso.',
            actor,
            deps(lastSecond),
          ),
        ),
        // The scheduled look over every text, or the adoption a page read makes.
        later(adoptionLate).then(async () => {
          if (round % 2) await settleSilences(deps(deadline));
          else await adoptIfDue(event, outcome, deps(deadline));
        }),
      ]);
      const ends = await OutcomeSilenceEnd.find({ documentId: outcome.id }).lean();
      expect(ends, 'one end per silence').to.have.length(1);
      const stored = (await OutcomeDocument.findById(outcome.id).lean())!;
      const documents = await OfficialDocument.countDocuments({
        eventId: event.id,
        symbol: adoptedSymbol(event, outcome),
      });
      if (ends[0]!.end === 'broken') {
        tally.broken += 1;
        expect(broke.status).to.equal('fulfilled');
        expect(stored.state).to.equal('drafting');
        expect(documents).to.equal(0);
      } else {
        tally.adopted += 1;
        expect(broke.status).to.equal('rejected');
        expect((broke as PromiseRejectedResult).reason.code).to.equal('OUTCOME_SILENCE_OVER');
        expect(stored.state).to.equal('adopted');
        expect(documents).to.equal(1);
      }
      expect(adopted.status).to.equal('fulfilled');
    }
    expect(tally.broken + tally.adopted).to.equal(lateBy.length);
    expect(tally.broken, 'a break first wins').to.be.greaterThan(0);
    expect(tally.adopted, 'the deadline first wins').to.be.greaterThan(0);
  });

  it('refuses a break after the deadline and a second break, each in the focal point’s language', async () => {
    const { organizer, event, ec, br } = await setUp();
    const { outcome, path } = await draftOf(event.id);
    await underSilence(organizer, path);
    foro.clock.set('2008-04-03T10:00:00Z');
    const first = await breakThrough(ec, outcome.id, 'No hay consenso sobre OP2.', 'es');
    expect(first.status, first.text.slice(0, 400)).to.equal(303);
    const second = await breakThrough(br, outcome.id, 'Também não concordamos.', 'pt');
    expect(second.status).to.equal(409);
    expect(second.text).to.include('Uma delegação já rompeu o silêncio sobre este texto');
    const again = await breakThrough(ec, outcome.id, 'Otra vez.', 'es');
    expect(again.status).to.equal(409);
    expect(again.text).to.include('Una delegación ya rompió el silencio sobre este texto');
    expect(await OutcomeSilenceEnd.countDocuments({ documentId: outcome.id })).to.equal(1);

    // The team sees who broke it and why, and the text is back with it.
    const page = (await organizer.agent.get(`${path}?lang=en`)).text;
    expect(page).to.include('Silence broken by Ecuador');
    expect(page).to.include('No hay consenso sobre OP2.');
    expect(page).to.include('broke silence on “Programa de Acción de Cuenca”');
    expect((await OutcomeDocument.findById(outcome.id).lean())!.state).to.equal('drafting');
    const api = await organizer.agent.get(`/api/v1/events/${event.id}/outcome/${outcome.id}/compilation`);
    expect(api.status).to.equal(200);
    expect(api.body).to.deep.include({ state: 'drafting' });
    expect(api.body.silence).to.deep.include({
      version: 0,
      deadline: '2008-04-05T23:00:00.000Z',
      end: 'broken',
      brokenBy: 'EC',
      reason: 'No hay consenso sobre OP2.',
    });

    // A new silence on the same version, this time run to its deadline.
    await underSilence(organizer, path);
    const form = csrfTokenIn(
      (await br.agent.get(`/nominations/${br.token}/outcome/${outcome.id}?lang=pt`)).text,
    );
    foro.clock.set('2008-04-05T23:00:00Z');
    const late = await br.agent
      .post(`/nominations/${br.token}/outcome/${outcome.id}/silence/break`)
      .type('form')
      .send({ _csrf: form, reason: 'Tarde demais.', confirmed: 'yes' });
    expect(late.status).to.equal(409);
    expect(late.text).to.include('O prazo do procedimento de silêncio venceu');
    expect((await OutcomeDocument.findById(outcome.id).lean())!.state, 'adopted on the late break').to.equal(
      'adopted',
    );
  });

  it('starts one silence when two organizers start it at once, and answers a deadline in the past or a bad time with 422', async () => {
    const { organizer, event } = await setUp();
    const { outcome, path } = await draftOf(event.id);
    const csrf = csrfTokenIn((await organizer.agent.get(path)).text);
    const start = (fields: Record<string, string>) =>
      organizer.agent
        .post(`${path}/silence?lang=es`)
        .type('form')
        .send({ _csrf: csrf, ...fields });
    const past = await start({ silenceDate: '2008-03-31', silenceTime: '18:00' });
    expect(past.status).to.equal(422);
    const badTime = await start({ silenceDate: '2008-04-05', silenceTime: '25:00' });
    expect(badTime.status).to.equal(422);
    expect(badTime.text).to.include('id="silenceTime"');
    expect(await OutcomeSilence.countDocuments({ documentId: outcome.id })).to.equal(0);
    const both = await Promise.all([
      start({ silenceDate: '2008-04-05', silenceTime: '18:00' }),
      start({ silenceDate: '2008-04-06', silenceTime: '18:00' }),
    ]);
    expect(both.map((r) => r.status).sort()).to.deep.equal([303, 409]);
    expect(await OutcomeSilence.countDocuments({ documentId: outcome.id })).to.equal(1);
    const page = (await organizer.agent.get(`${path}?lang=en`)).text;
    expect(page).to.match(/Under silence until [56] Apr 2008, 18:00 \(GMT-5\)/);
    expect(page).to.include('The text is frozen while silence lasts');
    expect(page).not.to.include(`action="${path}/round"`);
  });

  it('answers 404 to another event’s delegation and to a forged link, and refuses an overlong reason; markup stays text', async () => {
    const { organizer, event, ec } = await setUp();
    const { outcome, path } = await draftOf(event.id);
    await underSilence(organizer, path);
    const { event: other } = await createPlenary(organizer.actor, ['PE']);
    const stranger = await Delegation.create({
      eventId: other.id,
      country: 'PE',
      contactId: '0'.repeat(24),
      quota: 5,
      invitedAt: foro.clock.now(),
      invitedBy: 'test',
    });
    const { token } = await issueLink(
      { purpose: NOMINATION_LINK, subject: String(stranger._id), validForMs: 365 * 86_400_000 },
      foro.clock,
    );
    const peAgent = browserAgent(foro.url);
    const csrf = csrfTokenIn((await peAgent.get(`/nominations/${token}`)).text);
    const theirs = await peAgent
      .post(`/nominations/${token}/outcome/${outcome.id}/silence/break`)
      .type('form')
      .send({ _csrf: csrf, reason: 'x', confirmed: 'yes' });
    expect(theirs.status).to.equal(404);
    const forged = await peAgent
      .post(`/nominations/${'A'.repeat(43)}/outcome/${outcome.id}/silence/break`)
      .type('form')
      .send({ _csrf: csrf, reason: 'x', confirmed: 'yes' });
    expect(forged.status).to.equal(404);

    const long = await breakThrough(ec, outcome.id, 'x'.repeat(2001), 'es');
    expect(long.status).to.equal(422);
    expect(await OutcomeSilenceEnd.countDocuments({})).to.equal(0);

    const script = '<script>alert(1)</script> <b>no</b>';
    const broke = await breakThrough(ec, outcome.id, script, 'es');
    expect(broke.status).to.equal(303);
    const page = (await organizer.agent.get(`${path}?lang=en`)).text;
    expect(page).not.to.include('<script>alert(1)');
    expect(page).to.include('&lt;script&gt;alert(1)&lt;/script&gt;');
    const mail = (await Message.findOne({
      template: 'outcome.silenceBroken',
      'to.email': 'focal@mx.example',
    }).lean())!;
    expect(mail.text).to.include(script);
    expect(mail.html).not.to.include('<script>');
    expect(mail.html).to.include('&lt;script&gt;');
  });

  it('publishes the adopted text once as an official document with a PDF per language, even when asked again', async () => {
    const { organizer, event } = await setUp();
    const { outcome, path } = await draftOf(event.id);
    await underSilence(organizer, path);
    foro.clock.set('2008-04-05T23:00:05Z');
    await Promise.all([settleSilences(deps()), settleSilences(deps())]);
    await settleSilences(deps());
    // The page read after the deadline shows it adopted and published.
    const page = (await organizer.agent.get(`${path}?lang=en`)).text;
    const symbol = adoptedSymbol(event, outcome);
    expect(page).to.include('Adopted on 5 Apr 2008, 18:00 (GMT-5)');
    expect(page).to.include(`Published as the official document ${symbol}`);
    const documents = await OfficialDocument.find({ eventId: event.id }).lean();
    expect(documents.map((d) => d.symbol)).to.deep.equal([symbol]);
    expect(documents[0]!.status).to.equal('final');
    expect([...documents[0]!.languages].sort()).to.deep.equal(['en', 'es', 'pt']);
    const files = await DocumentFile.find({ documentId: String(documents[0]!._id) }).lean();
    expect(files.map((f) => f.language).sort(), 'one file per language').to.deep.equal(['en', 'es', 'pt']);
    const texts = Object.fromEntries(
      await Promise.all(
        files.map(async (f) => [
          f.language,
          (await readPdf(await readAllBytes(String(f._id), f.chunks))).text,
        ]),
      ),
    ) as Record<string, string>;
    expect(texts['es']).to.include('Programa de Acción de Cuenca').and.include('Texto adoptado');
    expect(texts['pt']).to.include('Programa de Ação de Cuenca').and.include('Texto adotado');
    expect(texts['en'], texts['en'])
      .to.include('Cuenca Programme of Action')
      .and.include('Paragraphs without an up-to-date translation, printed in the working language')
      .and.include('Not translated: text in the working language (Español)');
    for (const text of Object.values(texts)) expect(text).to.include('OP1').and.include('Acuerdan promover');
    expect((await OutcomeDocument.findById(outcome.id).lean())!.publishedSymbol).to.equal(symbol);
    // The text is frozen: no round, no paragraph.
    const csrf = csrfTokenIn(page);
    const round = await organizer.agent
      .post(`${path}/round`)
      .type('form')
      .send({ _csrf: csrf, deadlineDate: '2008-04-09', deadlineTime: '18:00' });
    expect(round.status).to.equal(409);
  });

  it('retries a publication that failed half-way until every language is in, never publishing one twice', async () => {
    const { organizer, event } = await setUp();
    const { outcome, path } = await draftOf(event.id);
    await underSilence(organizer, path);
    foro.clock.set('2008-04-05T23:00:05Z');
    // The renderer draws one PDF, then fails: the adoption stands, the publication is left half done.
    let drawn = 0;
    const flaky: OutcomeDeps['renderer'] = {
      render: async (job) => {
        drawn += 1;
        if (drawn > 1) throw new Error('renderer down');
        return renderer.render(job);
      },
      close: async () => undefined,
    };
    let failure: unknown;
    await settleSilences({ ...deps(), renderer: flaky }).catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(AggregateError);
    let stored = (await OutcomeDocument.findById(outcome.id).lean())!;
    expect(stored.state).to.equal('adopted');
    expect(stored.publishedSymbol).to.equal(undefined);
    expect(stored.settling, 'left for the next look').to.equal(true);
    const document = (await OfficialDocument.findOne({ eventId: event.id }).lean())!;
    expect(document.languages).to.have.length(1);

    await Promise.all([settleSilences(deps()), settleSilences(deps())]);
    stored = (await OutcomeDocument.findById(outcome.id).lean())!;
    expect(stored.publishedSymbol).to.equal(adoptedSymbol(event, outcome));
    expect(stored.settling).to.equal(undefined);
    expect(await OfficialDocument.countDocuments({ eventId: event.id })).to.equal(1);
    const files = await DocumentFile.find({ documentId: String(document._id) }).lean();
    expect(files.map((f) => f.language).sort()).to.deep.equal(['en', 'es', 'pt']);
    expect(
      await Message.countDocuments({ template: 'outcome.adopted', 'to.email': 'focal@ec.example' }),
    ).to.equal(1);
  });

  it('tells each focal point and the team once, in their language, of a round, a revision, a silence, its break and an adoption, also when retried', async () => {
    const { organizer, event, ec, br, mx } = await setUp();
    const { outcome, path } = await draftOf(event.id);
    const csrf = csrfTokenIn((await organizer.agent.get(path)).text);
    const post = (url: string, fields: Record<string, string> = {}) =>
      organizer.agent
        .post(url)
        .type('form')
        .send({ _csrf: csrf, ...fields });
    expect(
      (await post(`${path}/round`, { deadlineDate: '2008-04-03', deadlineTime: '18:00' })).status,
    ).to.equal(303);
    expect((await post(`${path}/revision`, { confirmed: 'yes' })).status).to.equal(303);
    await underSilence(organizer, path);
    foro.clock.set('2008-04-02T10:00:00Z');
    expect((await breakThrough(mx, outcome.id, 'We need more time.')).status).to.equal(303);
    await underSilence(organizer, path);
    foro.clock.set('2008-04-05T23:00:01Z');
    await settleSilences(deps());
    // Asked again: the retries find every mail queued already.
    await settleSilences(deps());
    expect(
      (await post(`${path}/round`, { deadlineDate: '2008-04-03', deadlineTime: '18:00' })).status,
    ).to.equal(409);

    const rows = await Message.find({ relatedKeys: `outcome:${outcome.id}` }).lean();
    const byKey = new Map<string, number>();
    for (const row of rows) byKey.set(row.dedupeKey, (byKey.get(row.dedupeKey) ?? 0) + 1);
    expect([...byKey.values()].every((n) => n === 1)).to.equal(true);
    const of = (template: string, email: string) =>
      rows.filter((r) => r.template === template && r.to[0]!.email === email);
    const templates = [
      'outcome.roundOpened',
      'outcome.revisionIssued',
      'outcome.silenceStarted',
      'outcome.silenceBroken',
      'outcome.adopted',
    ];
    const silences = { 'outcome.silenceStarted': 2 } as Record<string, number>;
    for (const template of templates) {
      const expected = silences[template] ?? 1;
      expect(of(template, ec.contact.email), `${template} to EC`).to.have.length(expected);
      expect(of(template, br.contact.email), `${template} to BR`).to.have.length(expected);
      expect(of(template, mx.contact.email), `${template} to MX`).to.have.length(expected);
      expect(of(template, organizer.user.email), `${template} to the team`).to.have.length(expected);
    }
    expect(of('outcome.roundOpened', ec.contact.email)[0]!.subject).to.equal(
      'Ronda de enmiendas abierta: Programa de Acción de Cuenca',
    );
    expect(of('outcome.roundOpened', br.contact.email)[0]!.subject).to.equal(
      'Rodada de emendas aberta: Programa de Ação de Cuenca',
    );
    expect(of('outcome.silenceBroken', ec.contact.email)[0]!.text)
      .to.include('La delegación de México ha roto el silencio')
      .and.include('We need more time.');
    expect(of('outcome.adopted', mx.contact.email)[0]!.subject).to.equal(
      'Text adopted: Cuenca Programme of Action',
    );
    expect(of('outcome.silenceStarted', organizer.user.email)[0]!.text).to.include(
      `/admin/events/${event.id}/outcome/${outcome.id}`,
    );

    // Through real SMTP: each mail once, and a focal point's link opens the text's page.
    await deliverOutbox(smtp.url, foro.clock);
    const delivered = smtp.mails.filter((m) => m.to.includes('focal@br.example'));
    expect(delivered).to.have.length(6);
    const text = delivered[0]!.parsed.text ?? '';
    const link = /\/nominations\/[\w-]{43}\/outcome\/[a-f0-9]{24}\?lang=pt/.exec(text)?.[0];
    expect(link, text).to.be.a('string');
    const opened = await browserAgent(foro.url).get(link!);
    expect(opened.status).to.equal(200);
    expect(opened.text).to.include('Programa de Ação de Cuenca');
  });
});

/**
 * Two real Foro processes on one database, each running the scheduled look for silences, and
 * focal points breaking silence through both around the deadline: whatever arrives first, the
 * silence has one outcome.
 */
describe('outcome documents: a silence’s one outcome with two Foro processes', function () {
  this.timeout(180_000);
  const uri = () => databaseUri(`${databaseNameFor(import.meta.url)}_two`);
  let processes: ForoProcess[] = [];

  before(async () => {
    hardenQueries();
    await mongoose.connect(uri());
  });
  after(async () => {
    await Promise.all(processes.map((foro) => foro.stop()));
    await mongoose.connection.db?.dropDatabase();
    await mongoose.disconnect();
  });

  it('keeps one outcome when breaks reach both processes in the last second and after the deadline', async () => {
    const env = {
      MONGODB_URI: uri(),
      OUTBOX_WORKER: 'off',
      SCHEDULED_TASKS: 'on',
      LINK_RATE_LIMIT_PER_ADDRESS: '10000',
    };
    processes = [runForo(env), runForo(env)];
    const urls = await Promise.all(processes.map((foro) => foro.listening));
    const user = await createTestUser({ role: 'organizer' });
    const actor = { userId: user.id, label: user.email, via: 'ui' as const };
    const { event } = await createPlenary(actor, ['EC', 'BR']);
    const settings = {
      publicUrl: urls[0]!,
      domain: 'foro.test',
      organizer: { name: 'Foro', email: 'foro@foro.test' },
    };
    const focal = async (country: string) => {
      const created = await Delegation.create({
        eventId: event.id,
        country,
        contactId: '0'.repeat(24),
        quota: 5,
        invitedAt: new Date(),
        invitedBy: 'test',
      });
      const { token } = await issueLink(
        { purpose: NOMINATION_LINK, subject: String(created._id), validForMs: 86_400_000 },
        systemClock,
      );
      return { id: String(created._id), token };
    };
    const [ec, br] = [await focal('EC'), await focal('BR')];
    const title = { es: 'Programa de Acción de Cuenca' };
    const outcome = await createOutcome(event, { title, workingLanguage: 'es' }, actor, systemClock);
    await importDraft(
      event,
      outcome.id,
      { source: ZERO_DRAFT, firstKind: 'PP', step: 'save' },
      actor,
      systemClock,
    );
    // The deadline: the first whole minute at least 15 seconds away, as an organizer types it.
    const deadline = new Date(Math.ceil((Date.now() + 15_000) / 60_000) * 60_000);
    const local = instantToLocal(deadline, event.timezone);
    await startSilence(event, outcome.id, { silenceDate: local.date, silenceTime: local.time }, actor, {
      clock: systemClock,
      settings,
    });

    // Each focal point's browser on each process, its form drawn before the deadline.
    const senders = await Promise.all(
      [ec, br].flatMap((d) =>
        urls.map(async (url) => {
          const agent = request.agent(url);
          const page = `/nominations/${d.token}/outcome/${outcome.id}`;
          const csrf = csrfTokenIn((await agent.get(`${page}?lang=es`)).text);
          return () =>
            agent
              .post(`${page}/silence/break`)
              .type('form')
              .send({ _csrf: csrf, reason: 'Sin consenso.', confirmed: 'yes' });
        }),
      ),
    );
    // Breaks every 80 ms, alternating focal points and processes, from 1.2 s before the deadline
    // to 0.7 s after it (the processes' own minute's scheduled work lands on the deadline too).
    await new Promise((resolve) => setTimeout(resolve, deadline.getTime() - Date.now() - 1200));
    const answers: Promise<request.Response>[] = [];
    for (let i = 0; i < 24; i += 1) {
      answers.push(senders[i % senders.length]!());
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
    const statuses = (await Promise.all(answers)).map((r) => r.status);

    // Both processes' scheduled looks and the late breaks have had their say once the text settles.
    let stored = (await OutcomeDocument.findById(outcome.id).lean())!;
    for (
      let waited = 0;
      waited < 60 && !(stored.state === 'drafting' || stored.publishedSymbol);
      waited += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      stored = (await OutcomeDocument.findById(outcome.id).lean())!;
    }
    const ends = await OutcomeSilenceEnd.find({ documentId: outcome.id }).lean();
    expect(ends, 'one outcome').to.have.length(1);
    const documents = await OfficialDocument.find({ eventId: event.id }).lean();
    if (ends[0]!.end === 'broken') {
      expect(
        statuses.filter((s) => s === 303),
        String(statuses),
      ).to.have.length(1);
      expect(stored.state).to.equal('drafting');
      expect(documents).to.have.length(0);
    } else {
      expect(
        statuses.filter((s) => s === 303),
        String(statuses),
      ).to.have.length(0);
      expect(stored.state).to.equal('adopted');
      expect(documents).to.have.length(1);
      const files = await DocumentFile.find({ documentId: String(documents[0]!._id) }).lean();
      expect(files.map((f) => f.language).sort()).to.deep.equal([...event.languages].sort());
    }
    expect(
      statuses.filter((s) => s !== 303 && s !== 409),
      String(statuses),
    ).to.have.length(0);
  });
});
