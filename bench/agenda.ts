/**
 * The agenda at scale: 500 sessions and 2,000 people. Times the checks, a builder day, the public
 * programme page and the programme .ics against reading the same documents from the database
 * (and, for the .ics, plain ical-generator on the same data), all in this run.
 *
 *   MONGODB_URI=mongodb://127.0.0.1:27017/bench npm run bench:agenda
 */
import ical from 'ical-generator';
import mongoose from 'mongoose';
import request from 'supertest';
import { loadConfig } from '../src/config/index.js';
import { checkProgramme, loadWorkingProgramme } from '../src/modules/agenda/index.js';
import { Assignment } from '../src/modules/agenda/assignments/assignment.model.js';
import { Session } from '../src/modules/agenda/sessions/session.model.js';
import { createUser } from '../src/modules/auth/index.js';
import { buildCalendar } from '../src/modules/calendar/index.js';
import { addRoom, createEvent, getEvent, setEventStatus } from '../src/modules/events/index.js';
import { Person, SECTORS } from '../src/modules/people/index.js';
import { IBERO_AMERICAN_STATES } from '../src/shared/countries.js';
import { latestVersion, publishProgramme } from '../src/modules/published-programme/index.js';
import { systemClock } from '../src/shared/clock.js';
import { createTranslator } from '../src/shared/i18n/index.js';
import { createLogger } from '../src/shared/logger.js';
import { localToInstant } from '../src/shared/zoned-time.js';
import { startForo } from '../src/server.js';
import { emptyDatabase, measure, report } from './support.js';

const SESSIONS = 500;
const PEOPLE = 2000;
const DAYS = ['2008-04-07', '2008-04-08', '2008-04-09', '2008-04-10', '2008-04-11'];
const ROOMS = 12;
const COUNTRIES = [...IBERO_AMERICAN_STATES];

const config = loadConfig({ ...process.env, NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' });
const foro = await startForo(config, {
  logger: createLogger('silent'),
  clock: systemClock,
  dbName: 'bench_agenda',
});
await emptyDatabase();
const actor = { label: 'bench', via: 'cli' as const };

console.log(`Seeding ${SESSIONS} sessions, ${PEOPLE} people…`);
const password = 'benchmark password';
const admin = await createUser(
  { email: 'bench@example.org', name: 'Bench', role: 'admin', password },
  actor,
  systemClock,
);
let event = await createEvent(
  {
    slug: 'bench',
    title: { es: 'Foro de prueba de carga' },
    timezone: 'America/Guayaquil',
    startDate: DAYS[0]!,
    endDate: DAYS.at(-1)!,
    languages: ['es', 'pt', 'en'],
    countries: COUNTRIES,
  },
  actor,
  systemClock,
);
for (let r = 0; r < ROOMS; r += 1)
  event = await addRoom(
    event.id,
    { name: `Sala ${r + 1}`, capacity: 50 + r * 20, interpretation: [] },
    actor,
    systemClock,
  );
await setEventStatus(event.id, 'published', actor, systemClock);
event = await getEvent(event.id);

const people = await Person.insertMany(
  Array.from({ length: PEOPLE }, (_, i) => ({
    givenName: `Nombre${i}`,
    familyName: `Apellido${i}`,
    organization: `Organización ${i % 150}`,
    country: COUNTRIES[i % COUNTRIES.length],
    sector: SECTORS[i % SECTORS.length],
    gender: i % 3 === 0 ? 'male' : 'female',
    searchText: `nombre${i} apellido${i}`,
  })),
);
const sessions = await Session.insertMany(
  Array.from({ length: SESSIONS }, (_, i) => {
    const day = DAYS[i % DAYS.length]!;
    const slot = Math.floor(i / DAYS.length / ROOMS) % 9;
    const start = `${String(8 + slot).padStart(2, '0')}:00`;
    const end = `${String(8 + slot).padStart(2, '0')}:50`;
    return {
      eventId: event.id,
      type: i % 7 === 0 ? 'plenary' : 'panel',
      title: { es: `Sesión ${i}`, en: `Session ${i}`, pt: `Sessão ${i}` },
      roomId: event.rooms[i % ROOMS]!.id,
      startsAt: localToInstant(day, start, event.timezone),
      endsAt: localToInstant(day, end, event.timezone),
      status: 'scheduled',
      expectedAttendance: 40 + (i % 100),
      revision: 1,
    };
  }),
);
const roles = ['chair', 'speaker', 'speaker', 'commentator'];
await Assignment.insertMany(
  sessions.flatMap((s, i) =>
    roles.map((role, j) => ({
      eventId: event.id,
      sessionId: String(s._id),
      personId: String(people[(i * 4 + j * 7) % PEOPLE]!._id),
      role,
      order: j,
      status: j === 3 && i % 5 === 0 ? 'invited' : 'confirmed',
    })),
  ),
);

const t = createTranslator().forLanguage('es');
const programme = await loadWorkingProgramme(event);
const publishTime = await measure(() => undefined, 1);
const started = performance.now();
await publishProgramme(event, actor, systemClock);
publishTime.median = publishTime.best = performance.now() - started;
const version = (await latestVersion(event.id))!;

const agent = request.agent(foro.url);
const login = await agent.get('/login');
const csrf = /name="_csrf" value="([^"]+)"/.exec(login.text)![1]!;
await agent.post('/login').type('form').send({ _csrf: csrf, email: admin.email, password });

const rows = [];
const read = await measure(() => loadWorkingProgramme(event));
rows.push({ name: 'baseline: read sessions+assignments+people', ...read });
const checks = await measure(() => checkProgramme({ event, ...programme }));
rows.push({
  name: 'compute all checks (in memory)',
  ...checks,
  baseline: `${(checks.median / read.median).toFixed(2)}× the read`,
});
const warnings = checkProgramme({ event, ...programme }).warnings.length;
const builder = await measure(() => agent.get(`/admin/events/${event.id}/agenda?day=${DAYS[2]}`).expect(200));
rows.push({
  name: 'builder day page (HTTP: read + checks + render)',
  ...builder,
  baseline: `${(builder.median / read.median).toFixed(2)}× the read`,
});
const publicPage = await measure(() => request(foro.url).get('/events/bench/programme').expect(200));
rows.push({
  name: 'public programme page (HTTP)',
  ...publicPage,
  baseline: `${(publicPage.median / read.median).toFixed(2)}× the read`,
});
rows.push({
  name: 'publish a version (snapshot + changelog)',
  ...publishTime,
  baseline: `${(publishTime.median / read.median).toFixed(2)}× the read`,
});

const plainIcs = await measure(() => {
  const calendar = ical({ name: 'plain' });
  for (const s of version.snapshot.sessions) {
    calendar.createEvent({
      id: s.id,
      start: new Date(s.startsAt),
      end: new Date(s.endsAt),
      summary: s.title.es ?? '',
    });
  }
  return calendar.toString();
});
rows.push({ name: 'baseline: plain ical-generator, same sessions', ...plainIcs });
const ourIcs = await measure(() =>
  buildCalendar(version.snapshot, version.snapshot.sessions, {
    language: 'es',
    t,
    programmeUrl: 'https://foro.example/events/bench/programme',
    name: 'bench',
    method: 'PUBLISH',
    stamp: version.publishedAt,
  }),
);
rows.push({
  name: 'programme .ics (VTIMEZONE, people, locations)',
  ...ourIcs,
  baseline: `${(ourIcs.median / plainIcs.median).toFixed(2)}× plain`,
});
const icsHttp = await measure(() => request(foro.url).get('/events/bench/calendar.ics').expect(200));
rows.push({ name: 'programme .ics (HTTP)', ...icsHttp });

console.log(
  `\n${SESSIONS} sessions, ${PEOPLE} people, ${SESSIONS * roles.length} assignments, ${ROOMS} rooms, ${warnings} warnings\n`,
);
report(rows);
await mongoose.connection.db!.dropDatabase();
await foro.stop();
