import { randomBytes } from 'node:crypto';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { createUser, findUserByEmail, setUserPassword } from '../auth/index.js';
import { addRoom, createEvent, Event, setEventStatus } from '../events/index.js';
import { CUENCA_EVENT, CUENCA_ROOMS, DEMO_USERS } from './cuenca.js';
import type { MailSettings } from '../invitations/index.js';
import { seedCuencaProgramme, type ProgrammeSeedReport } from './seed-programme.js';
import { seedCuencaRegistrations, type RegistrationSeedReport } from './seed-registrations.js';

export interface SeedReport {
  logins: { email: string; role: string; password: string | undefined; created: boolean }[];
  event: { slug: string; id: string; created: boolean };
  programme: ProgrammeSeedReport;
  registrations: RegistrationSeedReport;
}

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
  const existingEvent = await Event.findOne({ slug: CUENCA_EVENT.slug }, { _id: 1 }).lean();
  let eventId = existingEvent ? String(existingEvent._id) : undefined;
  if (!eventId) {
    const event = await createEvent(CUENCA_EVENT, organizerActor, clock);
    for (const room of CUENCA_ROOMS) await addRoom(event.id, room, organizerActor, clock);
    await setEventStatus(event.id, 'published', organizerActor, clock);
    eventId = event.id;
  }
  const programme = await seedCuencaProgramme(eventId, organizerActor, clock);
  const registrations = await seedCuencaRegistrations(
    eventId,
    organizerActor,
    clock,
    options.mail ?? LOCAL_MAIL,
  );
  return {
    logins,
    event: { slug: CUENCA_EVENT.slug, id: eventId, created: !existingEvent },
    programme,
    registrations,
  };
}
