/**
 * The outcome document at the size of a real negotiation: a text of 60 paragraphs with 500
 * proposals from 22 delegations (and their supporters and objectors). Times the compilation page
 * and its PDF over HTTP against drawing the same text without proposals (a second document with the
 * same paragraphs and an empty round), and the word-by-word comparison of two 60-paragraph versions
 * (`compareVersions`) against comparing identical texts and against splitting both texts into
 * words, all in this run. Prints the median and the 95th percentile of each.
 *
 *   MONGODB_URI=mongodb://127.0.0.1:27017/bench npm run bench:outcome
 *   BENCH_RUNS=30 BENCH_PROPOSALS=1000 npm run bench:outcome
 *
 * The proposals are made through the use case a focal point's form calls (checked, deduplicated,
 * audited), the stances likewise; only the delegations are written directly.
 */
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import request from 'supertest';
import { createUser } from '../src/modules/auth/index.js';
import { createEvent, getEvent, setEventStatus } from '../src/modules/events/index.js';
import {
  createOutcome,
  importDraft,
  itemsOf,
  openRound,
  OutcomeProposal,
} from '../src/modules/outcome/index.js';
import { compareVersions, type ComparedItem } from '../src/modules/outcome/compare.js';
import { proposalsOf, propose, takeStance } from '../src/modules/outcome/proposals.service.js';
import { PROPOSAL_KINDS } from '../src/modules/outcome/round.model.js';
import { Delegation } from '../src/modules/registrations/delegations/delegation.model.js';
import { systemClock } from '../src/shared/clock.js';
import { IBERO_AMERICAN_STATES } from '../src/shared/countries.js';
import { LANGUAGES } from '../src/shared/i18n/index.js';
import { createLogger } from '../src/shared/logger.js';
import { startForo } from '../src/server.js';
import { benchConfig, emptyDatabase, indexLookups, measure } from './support.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
const DIFF_RUNS = Number(process.env['BENCH_DIFF_RUNS'] ?? 200);
const PROPOSALS = Number(process.env['BENCH_PROPOSALS'] ?? 500);
const PREAMBULAR = 12;
const OPERATIVE = 48;
const COUNTRIES = [...IBERO_AMERICAN_STATES];

const WORDS = (
  'migración desarrollo cooperación derechos humanos personas migrantes países origen tránsito destino ' +
  'políticas públicas información estadística censos remesas integración regional retorno familias ' +
  'trabajadores protección consular niñas niños adolescentes género trata tráfico fronteras diálogo ' +
  'Estados miembros Secretaría General Iberoamericana Conferencia Cumbre compromisos acción programa'
).split(' ');

/** A paragraph of some 45 words, the same for a given number (accents, commas and all). */
function paragraphText(n: number): string {
  const words = Array.from({ length: 40 + (n % 11) }, (_, i) => WORDS[(n * 7 + i * 13) % WORDS.length]!);
  for (let i = 6; i < words.length; i += 9) words[i] = `${words[i]},`;
  return `${n % 2 ? 'Acuerdan' : 'Reconocen'} ${words.join(' ')}.`;
}

/** The draft as an organizer would paste it: two sections, 12 preambular and 48 operative paragraphs. */
const DRAFT = [
  '# Preámbulo',
  ...Array.from({ length: PREAMBULAR }, (_, i) => `${i === 0 ? 'PP ' : ''}${paragraphText(i)}`),
  '# Acciones',
  ...Array.from({ length: OPERATIVE }, (_, i) => `${i === 0 ? 'OP ' : ''}${paragraphText(PREAMBULAR + i)}`),
].join('\n\n');

const config = benchConfig();
const foro = await startForo(config, {
  logger: createLogger('silent'),
  clock: systemClock,
  dbName: 'bench_outcome',
});
await emptyDatabase();
const actor = { label: 'bench', via: 'cli' as const };

console.log(
  `Seeding a ${PREAMBULAR + OPERATIVE}-paragraph text, ${PROPOSALS} proposals from ${COUNTRIES.length} delegations…`,
);
const seedStart = performance.now();
const password = 'benchmark password';
const admin = await createUser(
  { email: 'bench@example.org', name: 'Bench', role: 'admin', password },
  actor,
  systemClock,
);
const created = await createEvent(
  {
    slug: 'bench-outcome',
    title: { es: 'Foro Iberoamericano sobre Migración y Desarrollo' },
    timezone: 'America/Guayaquil',
    startDate: '2008-04-10',
    endDate: '2008-04-11',
    languages: ['es', 'pt', 'en'],
    countries: COUNTRIES,
  },
  actor,
  systemClock,
);
await setEventStatus(created.id, 'published', actor, systemClock);
const event = await getEvent(created.id);
const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** A document with the draft imported and a round open until a month from now. */
async function negotiatedText(name: string) {
  const outcome = await createOutcome(
    event,
    { title: { es: name }, workingLanguage: 'es' },
    actor,
    systemClock,
  );
  await importDraft(event, outcome.id, { source: DRAFT, firstKind: 'PP', step: 'save' }, actor, systemClock);
  await openRound(event, outcome.id, { deadlineDate: deadline, deadlineTime: '18:00' }, actor, systemClock);
  return outcome;
}
const withProposals = await negotiatedText('Programa de Acción de Cuenca');
const withoutProposals = await negotiatedText('Programa de Acción de Cuenca (sin propuestas)');

const delegations = await Delegation.insertMany(
  COUNTRIES.map((country) => ({
    eventId: event.id,
    country,
    contactId: '0'.repeat(24),
    quota: 5,
    invitedAt: new Date(),
    invitedBy: 'bench',
  })),
);
const proposers = delegations.map((d) => ({ id: String(d._id), country: d.country }));
const paragraphs = (await itemsOf(withProposals)).filter((item) => item.kind !== 'section');
let stances = 0;
for (let i = 0; i < PROPOSALS; i += 1) {
  const paragraph = paragraphs[(i * 7) % paragraphs.length]!;
  const kind = PROPOSAL_KINDS[i % PROPOSAL_KINDS.length]!;
  const words = paragraph.text.split(' ');
  const at = 1 + (i % (words.length - 4));
  const passage = kind === 'replace' || kind === 'insert' ? words.slice(at, at + 2).join(' ') : undefined;
  const proposer = proposers[i % proposers.length]!;
  const { id } = await propose(
    event,
    withProposals,
    { delegation: proposer, observer: false, by: 'link' },
    {
      paragraph: paragraph.ref,
      kind,
      passage,
      text: kind === 'delete' ? undefined : `texto propuesto ${i} sobre cooperación y protección`,
      language: LANGUAGES[i % LANGUAGES.length]!,
      key: `bench-proposal-${String(i).padStart(5, '0')}`,
    },
    actor,
    systemClock,
  );
  // About one supporter a proposal and one objector in three, from other delegations.
  const others = [1, 2, 3].map((k) => proposers[(i + k * 5) % proposers.length]!);
  const taken = i % 3 === 0 ? ['support', 'object'] : ['support'];
  for (const [k, stance] of taken.entries()) {
    await takeStance(
      event,
      withProposals,
      others[k]!,
      id,
      stance as 'support' | 'object',
      actor,
      systemClock,
    );
    stances += 1;
  }
}
await indexLookups(config.ferretdbPostgresqlUrl);
console.log(
  `  ${await OutcomeProposal.countDocuments({ documentId: withProposals.id })} proposals and ${stances} stances in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
);

const agent = request.agent(foro.url);
const login = await agent.get('/login');
const csrf = /name="_csrf" value="([^"]+)"/.exec(login.text)![1]!;
await agent.post('/login').type('form').send({ _csrf: csrf, email: admin.email, password });

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const pathOf = (id: string) => `/admin/events/${event.id}/outcome/${id}/compilation`;
const page = (id: string) => agent.get(pathOf(id)).expect(200);
const pdf = (id: string) =>
  agent
    .get(`${pathOf(id)}.pdf`)
    .buffer(true)
    .parse(binary)
    .expect(200);
const sizeOf = async (id: string) => {
  const body = (await pdf(id)).body as Buffer;
  const pages = body.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
  return `${pages} pages, ${Math.round(body.length / 1024)} kB`;
};
const pageSize = async (id: string) => `${Math.round((await page(id)).text.length / 1024)} kB of HTML`;

type Row = { name: string; median: number; p95: number; note: string };
const rows: Row[] = [];
const versus = (base: Row, name: string, t: { median: number; p95: number }, note: string) =>
  rows.push({ name, ...t, note: `${(t.median / base.median).toFixed(2)}× · ${note}` });

const plainPage = {
  name: 'baseline: compilation page, no proposals',
  ...(await measure(() => page(withoutProposals.id), RUNS)),
  note: await pageSize(withoutProposals.id),
};
rows.push(plainPage);
versus(
  plainPage,
  `compilation page, ${PROPOSALS} proposals`,
  await measure(() => page(withProposals.id), RUNS),
  await pageSize(withProposals.id),
);
rows.push({
  name: '  of which: reading the proposals and stances',
  ...(await measure(() => proposalsOf(withProposals), RUNS)),
  note: 'the database read alone',
});
const plainPdf = {
  name: 'baseline: compilation PDF, no proposals',
  ...(await measure(() => pdf(withoutProposals.id), RUNS)),
  note: await sizeOf(withoutProposals.id),
};
rows.push(plainPdf);
versus(
  plainPdf,
  `compilation PDF, ${PROPOSALS} proposals`,
  await measure(() => pdf(withProposals.id), RUNS),
  await sizeOf(withProposals.id),
);

// Two versions of 60 paragraphs: in the later one each paragraph has words replaced, inserted,
// deleted and one moved, and one paragraph in ten is new or gone.
const earlier: ComparedItem[] = paragraphs.map((p) => ({
  ref: p.ref,
  kind: p.kind as 'PP' | 'OP',
  label: p.label,
  text: p.text,
}));
const later: ComparedItem[] = earlier.flatMap((item, i) => {
  if (i % 10 === 9) return [];
  const words = item.text.split(' ');
  words.splice(3, 2, 'sostenible', 'e', 'inclusiva');
  words.splice(10, 0, 'con', 'pleno', 'respeto');
  words.splice(20, 1);
  words.push(words.splice(5, 1)[0]!);
  const changed = { ...item, text: words.join(' ') };
  return i % 10 === 4
    ? [changed, { ...item, ref: `${item.ref}-new`, text: paragraphText(1000 + i) }]
    : [changed];
});
const changedLines = compareVersions(earlier, later).filter((line) => line.change !== 'same').length;
const split = {
  name: 'baseline: split both versions into words',
  ...(await measure(
    () => earlier.map((p, i) => [p.text.split(/\s+/), later[i]?.text.split(/\s+/)]),
    DIFF_RUNS,
  )),
  note: '',
};
rows.push(split);
const identical = await measure(() => compareVersions(earlier, earlier), DIFF_RUNS);
versus(split, 'baseline: compareVersions, identical texts', identical, 'no paragraph changed');
versus(
  split,
  'compareVersions, two 60-paragraph versions',
  await measure(() => compareVersions(earlier, later), DIFF_RUNS),
  `${changedLines} paragraphs changed, added or removed`,
);

const width = Math.max(...rows.map((r) => r.name.length));
console.log(
  `\n${'measure'.padEnd(width)}  median ms     p95 ms   vs baseline (runs: ${RUNS} over HTTP, ${DIFF_RUNS} in memory)`,
);
for (const row of rows)
  console.log(
    `${row.name.padEnd(width)}  ${row.median.toFixed(2).padStart(9)}  ${row.p95.toFixed(2).padStart(9)}   ${row.note}`,
  );
await mongoose.connection.db!.dropDatabase();
await foro.stop();
