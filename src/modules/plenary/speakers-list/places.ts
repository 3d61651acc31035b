import { translatorFor, type Language } from '../../../shared/i18n/index.js';
import { formatInstant } from '../../../shared/time.js';
import { getSession } from '../../agenda/index.js';
import { localized, type EventView } from '../../events/index.js';
import { SpeakerEntry } from './speakers.model.js';
import { listState, listsOfEvent } from './speakers.state.js';

/** A person's place on one published list of speakers, as their own programme shows it. */
export interface SpeakerPlace {
  sessionId: string;
  sessionTitle: string;
  /** "List of speakers: place 3, about 10 Apr 2008, 09:10 (UTC−05:00)". */
  line: string;
  url: string;
}

/**
 * Where a person stands on each published list of the event (withdrawn entries left out), in
 * their language, the time in the event's zone with the zone shown. Lists that are not public yet
 * are not told: the speaker learns their place when everyone does.
 */
export async function speakerPlaces(
  event: EventView,
  personId: string,
  language: Language,
): Promise<SpeakerPlace[]> {
  const entries = await SpeakerEntry.find({ eventId: event.id, personId }).lean();
  if (entries.length === 0) return [];
  const lists = (await listsOfEvent(event.id)).filter(
    (l) => l.publishedAt && entries.some((e) => e.listId === l.id),
  );
  const t = translatorFor(language);
  const places: SpeakerPlace[] = [];
  for (const list of lists) {
    const session = await getSession(event.id, list.sessionId).catch(() => undefined);
    if (!session || session.status === 'cancelled') continue;
    const state = await listState(list, session.startsAt);
    for (const entry of state.entries) {
      if (entry.personId !== personId || entry.status === 'withdrawn') continue;
      const time = entry.expectedAt
        ? formatInstant(entry.expectedAt, event.timezone, language)
        : t('speakers.timeUnknown');
      const status = entry.status === 'inscribed' ? '' : ` · ${t(`speakers.statuses.${entry.status}`)}`;
      places.push({
        sessionId: session.id,
        sessionTitle: localized(session.title, language, event.languages),
        line: `${t('speakers.yourPlace', { place: entry.place, time })}${status}`,
        url: `/events/${event.slug}/sessions/${session.id}/speakers?lang=${language}`,
      });
    }
  }
  return places;
}
