import { randomBytes } from 'node:crypto';
import type { Actor } from '../../shared/actor.js';
import { settableClock, type Clock } from '../../shared/clock.js';
import { DAY_MS } from '../../shared/time.js';
import { createUser, findUserByEmail, setUserPassword } from '../auth/index.js';
import {
  addRoom,
  createEvent,
  Event,
  getEvent,
  setEventStatus,
  type CreateEventInput,
} from '../events/index.js';
import { CUENCA_EVENT, CUENCA_ROOMS, DEMO_USERS, practiceEdition } from './cuenca.js';
import type { MailDeps, MailSettings } from '../invitations/index.js';
import { seedCuencaProgramme, type ProgrammeSeedReport } from './seed-programme.js';
import { seedCuencaRegistrations, type RegistrationSeedReport } from './seed-registrations.js';
import { seedCuencaDocuments } from './seed-documents.js';
import { seedCuencaOutcome, type OutcomeSeedReport } from './seed-outcome.js';
import { Message } from '../messaging/index.js';
import {
  seedCuencaCredentials,
  seedCuencaSeating,
  seedCuencaSpeakers,
  type SpeakersSeedReport,
} from './seed-plenary.js';
import { seedCuencaSideEvents, type SideEventsSeedReport } from './seed-side-events.js';
import { seedCuencaBilaterals, type BilateralsSeedReport } from './seed-bilaterals.js';

export interface SeedReport {
  logins: { email: string; role: string; password: string | undefined; created: boolean }[];
  /** The practice copy in the coming months, where every flow can be tried. */
  event: { slug: string; id: string; created: boolean };
  /** The forum of 2008 as it happened, archived. */
  history: { slug: string; id: string; created: boolean };
  programme: ProgrammeSeedReport;
  registrations: RegistrationSeedReport;
  /** Official documents made (in both editions). */
  documents: number;
  /** The practice copy's outcome document: its zero draft and a round of amendments. */
  outcome: OutcomeSeedReport;
  /** The practice copy's meeting of states: its list of speakers, side events, bilaterals, credentials. */
  meeting: MeetingSeedReport;
}

export interface MeetingSeedReport {
  speakers: SpeakersSeedReport;
  sideEvents: SideEventsSeedReport;
  bilaterals: BilateralsSeedReport;
  /** Delegations whose credentials were recorded. */
  credentials: number;
  /** The state drawn to sit first in the plenary hall, when its seating plan was made. */
  seating: string | undefined;
}

const NO_MEETING: MeetingSeedReport = {
  speakers: { created: false, inscribed: 0 },
  sideEvents: { created: false, slots: 0, proposals: 0 },
  bilaterals: { created: false, slots: 0, requested: 0, accepted: 0 },
  credentials: 0,
  seating: undefined,
};

/** Where links in demo mails point when the caller does not say. */
const LOCAL_MAIL: MailSettings = {
  publicUrl: 'http://localhost:3000',
  domain: 'localhost',
  organizer: { name: 'Foro', email: 'foro@localhost' },
};

const demoPassword = () => randomBytes(12).toString('base64url');

/**
 * Demo data for the Cuenca Forum, through the same use cases as the UI (so it is audited).
 * Running it again creates nothing twice; `resetPasswords` gives the demo logins new passwords.
 */
export async function seedDemo(
  actor: Actor,
  clock: Clock,
  options: { resetPasswords?: boolean; mail?: MailSettings } = {},
): Promise<SeedReport> {
  const logins: SeedReport['logins'] = [];
  for (const demo of DEMO_USERS) {
    const existing = await findUserByEmail(demo.email);
    let password: string | undefined;
    if (!existing) {
      password = demoPassword();
      await createUser({ email: demo.email, name: demo.name, role: demo.role, password }, actor, clock);
    } else if (options.resetPasswords) {
      password = demoPassword();
      await setUserPassword(existing.id, password, actor, clock);
    }
    logins.push({ email: demo.email, role: demo.role, password, created: !existing });
  }

  const organizer = await findUserByEmail(DEMO_USERS[1].email);
  const organizerActor: Actor = organizer
    ? { userId: organizer.id, label: organizer.email, via: 'cli' }
    : actor;
  const mail = options.mail ?? LOCAL_MAIL;
  // The forum as it happened: prepared in its own time, held, then archived.
  const history = await seedEdition(CUENCA_EVENT, organizerActor, HISTORY, mail);
  // A copy in the coming months, marked as demo data, where every flow can be tried today.
  const practice = await seedEdition(
    practiceEdition(clock.now()),
    organizerActor,
    { preparing: clock },
    mail,
  );
  const sum = (key: keyof RegistrationSeedReport) => history.registrations[key] + practice.registrations[key];
  return {
    logins,
    event: practice.event,
    history: history.event,
    programme: practice.programme,
    registrations: {
      contacts: sum('contacts'),
      delegations: sum('delegations'),
      registrations: sum('registrations'),
      checkIns: sum('checkIns'),
    },
    documents: history.documents.created + practice.documents.created,
    outcome: practice.outcome,
    meeting: practice.meeting,
  };
}

/** The clocks an edition is seeded with: while it is prepared, on its first day, after it. */
interface EditionClocks {
  preparing: Clock;
  openingDay?: Clock;
  closing?: Clock;
}

const HISTORY: EditionClocks = {
  preparing: settableClock('2008-03-03T15:00:00Z'),
  openingDay: settableClock('2008-04-10T14:00:00Z'),
  closing: settableClock('2008-05-05T15:00:00Z'),
};

/** One edition of the forum, its rooms, programme and registrations; nothing twice. */
async function seedEdition(input: CreateEventInput, actor: Actor, clocks: EditionClocks, mail: MailSettings) {
  const found = await Event.findOne({ slug: input.slug }, { _id: 1 }).lean();
  let eventId = found ? String(found._id) : undefined;
  if (!eventId) {
    const event = await createEvent(input, actor, clocks.preparing);
    for (const room of CUENCA_ROOMS) await addRoom(event.id, room, actor, clocks.preparing);
    await setEventStatus(event.id, 'published', actor, clocks.preparing);
    eventId = event.id;
  }
  const programme = await seedCuencaProgramme(eventId, actor, clocks.preparing);
  const registrations = await seedCuencaRegistrations(eventId, actor, clocks, mail);
  const documents = await seedCuencaDocuments(eventId, actor, clocks.preparing);
  // The negotiation is tried on the edition still to come; 2008's text was not kept in Foro.
  const outcome: OutcomeSeedReport = clocks.closing
    ? { created: false, paragraphs: 0, proposals: 0 }
    : await seedCuencaOutcome(eventId, actor, clocks.preparing);
  // Likewise the meeting of states: 2008's lists, side events and bilaterals were not kept either.
  const meeting = clocks.closing
    ? NO_MEETING
    : await seedMeetingOfStates(eventId, actor, { clock: clocks.preparing, settings: mail });
  if (!found && clocks.closing) {
    await setEventStatus(eventId, 'archived', actor, clocks.closing);
    await markDeliveredInItsTime(eventId);
  }
  return {
    event: { slug: input.slug, id: eventId, created: !found },
    programme,
    registrations,
    documents,
    outcome,
    meeting,
  };
}

/**
 * What organizers run while the states meet, each made through its module's use cases (as the
 * organizers and the focal points would), so no page of the practice edition opens empty.
 */
async function seedMeetingOfStates(
  eventId: string,
  actor: Actor,
  deps: MailDeps,
): Promise<MeetingSeedReport> {
  const event = await getEvent(eventId);
  // A practice copy seeded long ago may be near or past: its call and list could not open any more.
  const threeWeeksAhead = new Date(deps.clock.now().getTime() + 21 * DAY_MS).toISOString().slice(0, 10);
  if (event.startDate <= threeWeeksAhead) return NO_MEETING;
  return {
    speakers: await seedCuencaSpeakers(event, actor, deps),
    sideEvents: await seedCuencaSideEvents(event, actor, deps),
    bilaterals: await seedCuencaBilaterals(event, actor, deps),
    credentials: await seedCuencaCredentials(event, actor, deps.clock),
    seating: await seedCuencaSeating(event, actor, deps.clock),
  };
}

/**
 * The mails of an edition held long ago went out in their day: recorded as sent when they were
 * written, so starting Foro does not send 2008's invitations and confirmations today.
 */
async function markDeliveredInItsTime(eventId: string): Promise<void> {
  const queued = await Message.find(
    { relatedKeys: `event:${eventId}`, status: 'queued' },
    { createdAt: 1 },
  ).lean();
  for (const m of queued) {
    await Message.updateOne({ _id: m._id }, { $set: { status: 'sent', sentAt: m.createdAt } });
  }
}
