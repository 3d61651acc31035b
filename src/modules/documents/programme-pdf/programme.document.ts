import { countryName } from '../../../shared/countries.js';
import { INTL_LOCALE, type Language, type Translate } from '../../../shared/i18n/index.js';
import { formatDateRange } from '../../../shared/time.js';
import { instantToLocal } from '../../../shared/zoned-time.js';
import { localized, type EventView } from '../../events/index.js';
import {
  programmeDays,
  type PersonalSession,
  type ProgrammeDay,
  type Version,
} from '../../published-programme/index.js';
import type { LayoutDay, LayoutSession, ProgrammeLayout } from './programme.layout.js';

/** "2 de abril de 2008", the day an instant falls on in the event's zone. */
export function formatDate(at: Date, timeZone: string, language: Language): string {
  const { date } = instantToLocal(at, timeZone);
  return new Intl.DateTimeFormat(INTL_LOCALE[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

export function venueLine(event: EventView, language: Language): string {
  const { venue } = event;
  return [venue.name, venue.address, venue.city, venue.country && countryName(venue.country, language)]
    .filter(Boolean)
    .join(', ');
}

/** The official documents of each session, by symbol. */
export type SessionDocuments = ReadonlyMap<string, readonly string[]>;

function layoutDays(
  days: ProgrammeDay[],
  t: Translate,
  notes?: Map<string, string>,
  documents?: SessionDocuments,
): LayoutDay[] {
  return days.map((day) => ({
    label: day.label,
    sessions: day.sessions.map((s): LayoutSession => {
      const roles: LayoutSession['roles'] = [];
      for (const person of s.people) {
        const label = t(`assignmentRoles.${person.role}`);
        const line = person.affiliation ? `${person.name}, ${person.affiliation}` : person.name;
        const group = roles.at(-1);
        if (group?.label === label) group.people.push(line);
        else roles.push({ label, people: [line] });
      }
      return {
        id: s.id,
        time: s.time,
        room: s.room,
        type: t(`sessionTypes.${s.type}`),
        title: s.title,
        cancelled: s.cancelled,
        ...(notes?.has(s.id) && { note: notes.get(s.id) }),
        ...(documents?.get(s.id)?.length && {
          documents: t('documents.sessionDocuments', { symbols: documents.get(s.id)!.join(', ') }),
        }),
        roles,
      };
    }),
  }));
}

/** Everyone who appears in the programme, by family name, with where they appear. */
function peopleIndex(version: Version, days: ProgrammeDay[], language: Language): ProgrammeLayout['index'] {
  const when = new Map(
    days.flatMap((d) => d.sessions.map((s) => [s.id, `${d.label}, ${s.time.split(' ')[0]}`])),
  );
  const people = new Map<
    string,
    { sortKey: string; name: string; sessions: { id: string; label: string }[] }
  >();
  for (const session of version.snapshot.sessions) {
    if (session.status === 'cancelled') continue;
    const title = localized(session.title, language, version.snapshot.event.languages as Language[]);
    for (const p of session.people) {
      const entry = people.get(p.personId) ?? {
        sortKey: `${p.familyName} ${p.givenName}`,
        name: [`${p.familyName},`, p.honorific, p.givenName].filter(Boolean).join(' '),
        sessions: [],
      };
      if (!entry.sessions.some((s) => s.id === session.id)) {
        entry.sessions.push({ id: session.id, label: `${title} (${when.get(session.id) ?? ''})` });
      }
      people.set(p.personId, entry);
    }
  }
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  return [...people.values()]
    .sort((a, b) => collator.compare(a.sortKey, b.sortKey))
    .map(({ name, sessions }) => ({ name, sessions }));
}

export interface PersonalPart {
  readerName: string;
  sessions: PersonalSession[];
  /** The reader's place on a session's published list of speakers, already worded. */
  places?: ReadonlyMap<string, string>;
}

/** What a personal programme says under each of its reader's sessions: their roles, their place to speak. */
function personalNotes(personal: PersonalPart, t: Translate): Map<string, string> {
  const notes = new Map(
    personal.sessions.map((p) => [
      p.session.id,
      p.roles.length > 0
        ? t('documents.yourRole', { roles: p.roles.map((r) => t(`assignmentRoles.${r}`)).join(', ') })
        : p.workshop
          ? t('documents.workshop')
          : '',
    ]),
  );
  for (const [sessionId, line] of personal.places ?? []) {
    const before = notes.get(sessionId);
    notes.set(sessionId, before ? `${before} · ${line}` : line);
  }
  return notes;
}

/**
 * The programme of a published version, in one language (content falls back to the event's other
 * languages), ready for the PDF layout; a personal one starts with its reader's sessions.
 */
export function programmeLayout(
  event: EventView,
  version: Version,
  language: Language,
  t: Translate,
  personal?: PersonalPart,
  documents?: SessionDocuments,
): ProgrammeLayout {
  const days = programmeDays(version.snapshot, language);
  const title = localized(event.title, language, event.languages);
  const sections: ProgrammeLayout['sections'] = [];
  if (personal) {
    const notes = personalNotes(personal, t);
    const mine = new Set(notes.keys());
    const myDays = days
      .map((d) => ({ ...d, sessions: d.sessions.filter((s) => mine.has(s.id)) }))
      .filter((d) => d.sessions.length > 0);
    sections.push({
      heading: t('documents.yourSessions'),
      days: layoutDays(myDays, t, notes, documents),
    });
  }
  sections.push({
    heading: personal ? t('documents.fullProgramme') : t('programme.title'),
    days: layoutDays(days, t, undefined, documents),
  });
  return {
    language,
    stamp: t('documents.stamp', {
      number: version.number,
      date: formatDate(version.publishedAt, event.timezone, language),
    }),
    cover: {
      kicker: t(personal ? 'documents.personalKicker' : 'documents.programmeKicker'),
      title,
      dates: formatDateRange(event.startDate, event.endDate, language),
      venue: venueLine(event, language),
      organizers: localized(event.organizers, language, event.languages),
      ...(personal && { reader: t('documents.readerOf', { name: personal.readerName }) }),
    },
    labels: {
      contents: t('documents.contents'),
      index: t('documents.index'),
      page: t('documents.page'),
      pageOf: t('documents.pageOf'),
      cancelled: t('documents.cancelled'),
      empty: t('documents.empty'),
    },
    sections,
    index: peopleIndex(version, days, language),
  };
}
