import { randomUUID } from 'node:crypto';
import type { Clock } from '../../shared/clock.js';
import { INTL_LOCALE, translatorFor, type Language } from '../../shared/i18n/index.js';
import { listAssignments } from '../agenda/index.js';
import { buildCalendar } from '../calendar/index.js';
import { localized, type EventView } from '../events/index.js';
import { fullName, languageOf, organizerOf, personFields, type MailSettings } from '../invitations/index.js';
import { queueTemplatedMail } from '../messaging/index.js';
import { getPeople, type PersonView } from '../people/index.js';
import {
  getVersion,
  type Snapshot,
  type SnapshotSession,
  type Version,
} from '../published-programme/index.js';
import { DateTime } from 'luxon';
import { zoneName } from '../../shared/time.js';
import { planChangeNotices, type PersonalChange } from './change-plan.js';

function when(session: SnapshotSession, snapshot: Snapshot, language: Language): string {
  const zone = snapshot.event.timezone;
  const start = DateTime.fromISO(session.startsAt, { zone });
  const end = DateTime.fromISO(session.endsAt, { zone });
  // "jueves, 10 de abril", "quinta-feira, 10 de abril", "Thursday 10 April".
  const day = new Intl.DateTimeFormat(INTL_LOCALE[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: zone,
  }).format(start.toJSDate());
  const room = session.roomName ? `, ${session.roomName}` : '';
  return `${day}, ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}, ${zoneName(zone, start.toJSDate(), language)}${room}`;
}

/** One line per change, in the person's language; what moved says from where to where. */
function describe(
  changes: PersonalChange[],
  snapshots: { before: Snapshot; after: Snapshot },
  language: Language,
): string {
  const t = translatorFor(language);
  const { before, after } = snapshots;
  const order = after.event.languages as Language[];
  return changes
    .map((change) => {
      const session = after.sessions.find((s) => s.id === change.sessionId);
      if (!session) return '';
      const prior = before.sessions.find((s) => s.id === change.sessionId) ?? session;
      const title = localized(session.title, language, order).replace(/\s+/g, ' ');
      const line = t(`notices.kinds.${change.kind}`, {
        when: when(session, after, language),
        from: when(prior, before, language),
        to: when(session, after, language),
        role: change.role ? t(`mailRoles.${change.role}`) : '',
      });
      return `• «${title}»: ${line}`;
    })
    .filter(Boolean)
    .join('\n');
}

function calendars(
  person: PersonView,
  changes: PersonalChange[],
  version: Version,
  event: EventView,
  language: Language,
  settings: MailSettings,
) {
  const sessions = (kinds: PersonalChange['kind'][]) =>
    version.snapshot.sessions.filter((s) =>
      changes.some((c) => c.sessionId === s.id && kinds.includes(c.kind)),
    );
  const build = (method: 'REQUEST' | 'CANCEL', list: SnapshotSession[], filename: string) =>
    list.length === 0
      ? []
      : [
          {
            filename,
            contentType: `text/calendar; charset=utf-8; method=${method}`,
            content: Buffer.from(
              buildCalendar(version.snapshot, list, {
                language,
                t: translatorFor(language),
                programmeUrl: `${settings.publicUrl}/events/${event.slug}/programme`,
                name: localized(event.title, language, event.languages),
                method,
                organizer: organizerOf(event, settings),
                attendee: { name: fullName(person), email: person.email! },
                stamp: version.publishedAt,
              }),
            ),
          },
        ];
  return [
    ...build('REQUEST', sessions(['moved', 'details', 'added']), 'update.ics'),
    ...build('CANCEL', sessions(['cancelled', 'removed']), 'cancel.ics'),
  ];
}

/**
 * After version N ≥ 2: each person whose sessions changed gets one notice summing up every
 * change, with the updated entries (same UID, higher SEQUENCE) and cancellations. The dedupe
 * key (version, person) makes a repeated run send nothing new. Version 1 sends nothing.
 */
export async function sendChangeNotices(
  event: EventView,
  version: Version,
  deps: { clock: Clock; settings: MailSettings },
): Promise<{ batchId: string; queued: number; withoutEmail: number }> {
  const batchId = randomUUID();
  if (version.number < 2) return { batchId, queued: 0, withoutEmail: 0 };
  const previous = await getVersion(event.id, version.number - 1);
  const assignments = await listAssignments({ eventId: event.id });
  const plan = planChangeNotices(previous.snapshot, version.snapshot, version.changelog, assignments);
  const people = await getPeople([...plan.keys()]);
  let queued = 0;
  let withoutEmail = 0;
  for (const person of people) {
    const changes = plan.get(person.id) ?? [];
    if (!person.email) {
      withoutEmail += 1;
      continue;
    }
    const language = languageOf(person, event);
    const created = await queueTemplatedMail(
      {
        eventId: event.id,
        key: 'change',
        language,
        fields: {
          ...personFields(person, event, language, deps.settings.publicUrl),
          changes: describe(changes, { before: previous.snapshot, after: version.snapshot }, language),
        },
        to: { name: fullName(person), email: person.email },
        attachments: calendars(person, changes, version, event, language, deps.settings),
        dedupeKey: `change:${event.id}:v${version.number}:${person.id}`,
        related: [
          { type: 'event', id: event.id },
          { type: 'person', id: person.id },
          { type: 'version', id: `${event.id}:${version.number}` },
          { type: 'batch', id: batchId },
        ],
      },
      { clock: deps.clock, domain: deps.settings.domain },
    );
    if (created) queued += 1;
  }
  return { batchId, queued, withoutEmail };
}
