import { Types } from 'mongoose';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { COUNTRY_CODES } from '../../shared/countries.js';
import { ConflictError } from '../../shared/errors.js';
import { datesBetween, localToInstant } from '../../shared/zoned-time.js';
import { Assignment } from '../agenda/assignments/assignment.model.js';
import { Session } from '../agenda/sessions/session.model.js';
import { NationalContact } from '../contacts/contact.model.js';
import { CheckIn } from '../documents/checkin/checkin.model.js';
import { addRoom, createEvent, Event, setEventStatus } from '../events/index.js';
import { Message, OUTBOX_LIST } from '../messaging/message.model.js';
import { relatedKey } from '../messaging/outbox.service.js';
import { Person, PEOPLE_LIST } from '../people/person.model.js';
import { searchFieldsOf } from '../people/person.service.js';
import { Delegation } from '../registrations/delegations/delegation.model.js';
import { Seat } from '../registrations/places/seat.model.js';
import { scopes } from '../registrations/places/seats.js';
import { CATEGORIES, Registration, registrationList } from '../registrations/registration.model.js';
import { blocksForBulk } from '../../db/blocks.js';
import { ORGANIZATIONS } from './large-programme.js';
import { scaleNameOf } from './scale-names.js';

/** How big the trial event is; the defaults are a COP's order of magnitude. */
export interface ScaleSize {
  registrations: number;
  sessions: number;
  rooms: number;
  days: number;
  assignments: number;
  delegations: number;
  messages: number;
}

export const COP_SIZE: ScaleSize = {
  registrations: 100_000,
  sessions: 2_000,
  rooms: 30,
  days: 10,
  assignments: 10_000,
  delegations: 150,
  messages: 50_000,
};

/** Written in batches of this many documents: one insert each. */
const BATCH = 1000;

const STATUSES = [
  'confirmed',
  'confirmed',
  'confirmed',
  'confirmed',
  'pending',
  'waitlisted',
  'cancelled',
] as const;
const SESSION_TYPES = ['plenary', 'panel', 'workshop', 'side_event', 'roundtable'] as const;
const ROLES = ['chair', 'speaker', 'speaker', 'commentator', 'moderator'] as const;

export type Progress = (step: string, done: number, total: number) => void;

async function inBatches<T>(
  total: number,
  make: (i: number) => T,
  insert: (docs: T[]) => Promise<unknown>,
  step: string,
  progress: Progress,
): Promise<void> {
  for (let start = 0; start < total; start += BATCH) {
    const docs: T[] = [];
    for (let i = start; i < Math.min(total, start + BATCH); i += 1) docs.push(make(i));
    await insert(docs);
    progress(step, Math.min(total, start + BATCH), total);
  }
}

/**
 * One published event of the given size for benchmarks and trials (never for production):
 * people and their registrations across every country and category, sessions in rooms over
 * the days, people in roles, delegations with their focal points, and sent mail. Written with
 * bulk inserts; the seats confirmed registrations hold are written too, so counts stay true.
 */
export async function seedScale(
  slug: string,
  size: ScaleSize,
  context: { actor: Actor; clock: Clock; progress: Progress },
): Promise<{ eventId: string; slug: string }> {
  const { actor, clock, progress } = context;
  if (await Event.exists({ slug })) throw new ConflictError('SLUG_TAKEN', undefined, { slug });
  const start = new Date(Date.UTC(2027, 10, 9));
  const day = (offset: number) => new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  let event = await createEvent(
    {
      slug,
      title: {
        es: `Conferencia a escala (${size.registrations.toLocaleString('es')} inscripciones)`,
        en: `Conference at scale (${size.registrations.toLocaleString('en')} registrations)`,
        pt: `Conferência em escala (${size.registrations.toLocaleString('pt')} inscrições)`,
      },
      timezone: 'America/Guayaquil',
      startDate: day(0),
      endDate: day(size.days - 1),
      languages: ['es', 'en', 'pt'],
      countries: [...COUNTRY_CODES],
    },
    actor,
    clock,
  );
  for (let r = 0; r < size.rooms; r += 1) {
    event = await addRoom(
      event.id,
      { name: `Sala ${r + 1}`, capacity: 100 + (r % 5) * 200, interpretation: [] },
      actor,
      clock,
    );
  }
  await setEventStatus(event.id, 'published', actor, clock);
  const eventId = event.id;
  const now = clock.now();
  const countryOf = (i: number) => COUNTRY_CODES[i % COUNTRY_CODES.length]!;

  const personIds = Array.from({ length: size.registrations }, () => new Types.ObjectId());
  const personOf = (i: number) => ({
    ...scaleNameOf(i),
    organization: ORGANIZATIONS[i % ORGANIZATIONS.length]!,
    country: countryOf(i),
    email: `persona${i}@${slug}.example`,
    language: (['es', 'en', 'pt'] as const)[i % 3],
  });
  const personBlockOf = await blocksForBulk(PEOPLE_LIST, size.registrations);
  await inBatches(
    size.registrations,
    (i) => {
      const person = personOf(i);
      return {
        _id: personIds[i]!,
        ...person,
        emailKey: person.email,
        ...searchFieldsOf(person),
        block: personBlockOf(i),
      };
    },
    (docs) => Person.insertMany(docs, { lean: true }),
    'people',
    progress,
  );

  const categoryOf = (i: number) => CATEGORIES[i % CATEGORIES.length]!;
  const statusOf = (i: number) => STATUSES[i % STATUSES.length]!;
  const registrationIds = Array.from({ length: size.registrations }, () => new Types.ObjectId());
  const blockOf = await blocksForBulk(registrationList(eventId), size.registrations);
  await inBatches(
    size.registrations,
    (i) => ({
      _id: registrationIds[i]!,
      eventId,
      personId: personIds[i]!.toHexString(),
      listing: personOf(i),
      nameKeys: searchFieldsOf(personOf(i)).nameKeys,
      category: categoryOf(i),
      status: statusOf(i),
      statusAt: now,
      statusBy: actor.label,
      arrival: new Types.ObjectId().toHexString(),
      block: blockOf(i),
      source: 'public',
      countryRepresented: countryOf(i),
      privacyConsentAt: now,
      consentToList: i % 4 !== 0,
      // One in ten asks for a visa letter.
      visaLetter: i % 10 === 3,
      workshops: [],
    }),
    (docs) => Registration.insertMany(docs, { lean: true }),
    'registrations',
    progress,
  );
  // Confirmed registrations hold their places (no capacity yet: seats named after their holder).
  const confirmed = registrationIds
    .map((id, i) => ({ id: id.toHexString(), i }))
    .filter(({ i }) => statusOf(i) === 'confirmed');
  await inBatches(
    confirmed.length * 2,
    (n) => {
      const { id, i } = confirmed[Math.floor(n / 2)]!;
      const scope = n % 2 === 0 ? scopes.event(eventId) : scopes.category(eventId, categoryOf(i));
      return { _id: `${scope}:holder:${id}`, scope, number: 0, holder: id, takenAt: now };
    },
    (docs) => Seat.insertMany(docs, { lean: true }),
    'seats',
    progress,
  );
  // Half the confirmed came through the door on the first day (presence counts, certificates).
  const present = confirmed.filter((_, n) => n % 2 === 0);
  const dates = datesBetween(event.startDate, event.endDate);
  const firstDay = dates[0]!;
  await inBatches(
    present.length,
    (n) => {
      const { id, i } = present[n]!;
      return {
        _id: `${id}:${firstDay}`,
        eventId,
        registrationId: id,
        day: firstDay,
        category: categoryOf(i),
        at: now,
        by: actor.label,
      };
    },
    (docs) => CheckIn.insertMany(docs, { lean: true }),
    'check-ins',
    progress,
  );

  const slots = Math.max(1, Math.ceil(size.sessions / (dates.length * event.rooms.length)));
  const sessionIds = Array.from({ length: size.sessions }, () => new Types.ObjectId());
  await inBatches(
    size.sessions,
    (i) => {
      const date = dates[i % dates.length]!;
      const room = event.rooms[Math.floor(i / dates.length) % event.rooms.length]!;
      const slot = Math.floor(i / (dates.length * event.rooms.length)) % slots;
      const minutes = 8 * 60 + slot * Math.floor((10 * 60) / slots);
      const time = (m: number) =>
        `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return {
        _id: sessionIds[i]!,
        eventId,
        type: SESSION_TYPES[i % SESSION_TYPES.length]!,
        title: {
          es: `Sesión ${i + 1}: migración, clima y desarrollo`,
          en: `Session ${i + 1}: migration, climate and development`,
          pt: `Sessão ${i + 1}: migração, clima e desenvolvimento`,
        },
        roomId: room.id,
        startsAt: localToInstant(date, time(minutes), event.timezone),
        endsAt: localToInstant(date, time(minutes + 45), event.timezone),
        status: 'scheduled',
        revision: 1,
      };
    },
    (docs) => Session.insertMany(docs, { lean: true }),
    'sessions',
    progress,
  );
  await inBatches(
    Math.min(size.assignments, size.sessions * ROLES.length),
    (i) => ({
      eventId,
      sessionId: sessionIds[i % size.sessions]!.toHexString(),
      personId: personIds[(i * 7) % size.registrations]!.toHexString(),
      role: ROLES[Math.floor(i / size.sessions) % ROLES.length]!,
      order: Math.floor(i / size.sessions),
      status: i % 5 === 0 ? 'invited' : 'confirmed',
    }),
    (docs) => Assignment.insertMany(docs, { lean: true }),
    'assignments',
    progress,
  );

  const delegations = Math.min(size.delegations, COUNTRY_CODES.length);
  const contactIds = Array.from({ length: delegations }, () => new Types.ObjectId());
  await inBatches(
    delegations,
    (i) => ({
      _id: contactIds[i]!,
      country: countryOf(i),
      institution: 'foreign_affairs',
      type: 'focal_point',
      name: `Punto focal ${countryOf(i)}`,
      email: `focal.${countryOf(i).toLowerCase()}@${slug}.example`,
      language: 'es',
    }),
    (docs) => NationalContact.insertMany(docs, { lean: true }),
    'contacts',
    progress,
  );
  await inBatches(
    delegations,
    (i) => ({
      eventId,
      country: countryOf(i),
      contactId: contactIds[i]!.toHexString(),
      quota: 5 + (i % 40),
      invitedAt: now,
      invitedBy: actor.label,
    }),
    (docs) => Delegation.insertMany(docs, { lean: true }),
    'delegations',
    progress,
  );

  const related = [{ type: 'event', id: eventId }];
  const messageBlock = await blocksForBulk(OUTBOX_LIST, size.messages);
  await inBatches(
    size.messages,
    (i) => ({
      to: [{ name: `Persona ${i}`, email: `persona${i % size.registrations}@${slug}.example` }],
      locale: 'es',
      template: 'registration.confirmed',
      subject: `Inscripción confirmada (${i + 1})`,
      text: 'Su inscripción está confirmada.',
      attachments: [],
      block: messageBlock(i),
      messageId: `<${new Types.ObjectId().toHexString()}@${slug}.example>`,
      dedupeKey: `scale:${slug}:${i}`,
      related,
      relatedKeys: related.map(relatedKey),
      status: 'sent',
      attempts: 1,
      nextAttemptAt: now,
      createdAt: now,
      sentAt: now,
    }),
    (docs) => Message.insertMany(docs, { lean: true }),
    'messages',
    progress,
  );
  return { eventId, slug };
}
