import { formatInstant } from '../../../shared/time.js';
import { translatorFor } from '../../../shared/i18n/index.js';
import type { SessionView } from '../../agenda/index.js';
import { localized, type EventView } from '../../events/index.js';
import { fullName, languageOf, personFields, type MailDeps } from '../../invitations/index.js';
import { queueTemplatedMail } from '../../messaging/index.js';
import { getPeople } from '../../people/index.js';
import { SpeakerEntry } from './speakers.model.js';
import { listState } from './speakers.state.js';
import { isWaiting, type ListView } from './speakers.views.js';

/**
 * Tells speakers their place and approximate time: each one once the list is published (or when
 * inscribed after), and again when their place has moved by more than the list's notice. The
 * dedupe key names the entry and both places, so a repeated call mails nobody twice.
 */
export async function mailPlaces(
  event: EventView,
  session: SessionView,
  list: ListView,
  deps: MailDeps,
): Promise<number> {
  if (!list.publishedAt) return 0;
  const state = await listState(list, session.startsAt);
  const due = state.entries.filter(
    (e) =>
      isWaiting(e) &&
      e.personId &&
      (e.mailedPlace === undefined || Math.abs(e.mailedPlace - e.place) > list.moveNotice),
  );
  if (due.length === 0) return 0;
  const people = new Map((await getPeople(due.map((e) => e.personId!))).map((p) => [p.id, p]));
  const room = event.rooms.find((r) => r.id === session.roomId);
  let sent = 0;
  for (const entry of due) {
    const person = people.get(entry.personId!);
    if (!person?.email) continue;
    const language = languageOf(person, event);
    const t = translatorFor(language);
    const queued = await queueTemplatedMail(
      {
        eventId: event.id,
        key: 'speakers.place',
        language,
        fields: {
          ...personFields(person, event, language, deps.settings.publicUrl),
          session: localized(session.title, language, event.languages),
          place: String(entry.place),
          time: entry.expectedAt
            ? formatInstant(entry.expectedAt, event.timezone, language)
            : t('speakers.timeUnknown'),
          room: room?.name ?? '',
          programmeUrl: `${deps.settings.publicUrl}/events/${event.slug}/sessions/${session.id}/speakers?lang=${language}`,
        },
        to: { name: fullName(person), email: person.email },
        dedupeKey: `speakers:${entry.id}:${entry.mailedPlace ?? 0}:${entry.place}`,
        related: [
          { type: 'event', id: event.id },
          { type: 'person', id: person.id },
          { type: 'speakers-list', id: list.id },
        ],
      },
      { clock: deps.clock, domain: deps.settings.domain },
    );
    await SpeakerEntry.updateOne({ _id: entry.id }, { $set: { mailedPlace: entry.place } });
    if (queued) sent++;
  }
  return sent;
}
