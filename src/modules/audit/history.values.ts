import { countryName } from '../../shared/countries.js';
import type { Language, Translate } from '../../shared/i18n/index.js';
import { formatDateRange, formatInstant } from '../../shared/time.js';
import { localized, type Trilingual } from '../../shared/trilingual.js';
import type { Change } from './audit.service.js';

/** What a reader's history needs to put a record's changes into words. */
export interface HistoryWords {
  t: Translate;
  language: Language;
  /** The kind of record (event, session, person…): field names mean different things on each. */
  subjectType: string;
  /** The zone of the record's event; times of records of no event are shown in UTC. */
  zone?: string | undefined;
  /** Rooms of the record's event, by id. */
  rooms?: ReadonlyMap<string, string> | undefined;
  /** People named in the entries (assignments), by id. */
  people?: ReadonlyMap<string, string> | undefined;
}

/** Each field's label in the catalogue, per kind of record. */
const LABELS: Record<string, Record<string, string>> = {
  outcome: { title: 'outcome.titleField', workingLanguage: 'outcome.workingLanguage', text: 'outcome.text' },
  event: {
    slug: 'events.slug',
    title: 'events.titleField',
    description: 'events.description',
    organizers: 'events.organizers',
    venue: 'events.venue',
    timezone: 'events.timezone',
    startDate: 'events.startDate',
    endDate: 'events.endDate',
    languages: 'events.languages',
    countries: 'events.countries',
    status: 'events.status',
    name: 'events.roomName',
    capacity: 'events.capacity',
    interpretation: 'events.interpretation',
    deadline: 'invitations.deadlineSetting',
    reminderDays: 'invitations.reminderDays',
    reminderMax: 'invitations.reminderMax',
    sender: 'events.sender',
  },
  session: {
    type: 'agenda.type',
    title: 'events.titleField',
    description: 'events.description',
    roomId: 'invitations.room',
    startsAt: 'agenda.start',
    endsAt: 'agenda.end',
    theme: 'agenda.theme',
    language: 'agenda.language',
    interpretation: 'events.interpretation',
    expectedAttendance: 'agenda.expectedAttendance',
    capacity: 'registrations.capacity',
    status: 'agenda.status',
  },
  person: {
    honorific: 'people.honorific',
    givenName: 'people.givenName',
    familyName: 'people.familyName',
    position: 'people.position',
    organization: 'people.organization',
    sector: 'people.sector',
    country: 'people.country',
    email: 'auth.email',
    phone: 'people.phone',
    language: 'people.language',
    gender: 'people.gender',
    biography: 'people.biography',
  },
  contact: {
    country: 'people.country',
    institution: 'contacts.institution',
    institutionName: 'contacts.institutionName',
    type: 'contacts.type',
    honorific: 'people.honorific',
    name: 'admin.name',
    position: 'people.position',
    email: 'auth.email',
    phone: 'people.phone',
    language: 'people.language',
    notes: 'contacts.notes',
  },
  user: { role: 'admin.role', status: 'admin.status', language: 'admin.mailLanguage' },
  document: {
    symbol: 'officialDocuments.symbol',
    title: 'officialDocuments.titleField',
    kind: 'officialDocuments.kind',
    date: 'officialDocuments.date',
    distribution: 'officialDocuments.distribution',
    status: 'officialDocuments.status',
    sessionIds: 'officialDocuments.sessions',
    submitter: 'officialDocuments.submitter',
  },
  registration: { status: 'registrations.status', category: 'registrations.category' },
};

/** Fields whose values are codes with a name in the catalogue (per kind of record). */
const CODES: Record<string, Record<string, string>> = {
  event: { status: 'eventStatus', languages: 'language', interpretation: 'language' },
  session: {
    status: 'sessionStatus',
    type: 'sessionTypes',
    language: 'language',
    interpretation: 'language',
  },
  person: { sector: 'sectors', gender: 'genders', language: 'language' },
  contact: { type: 'contacts.types', institution: 'contacts.institutions', language: 'language' },
  user: { role: 'roles', status: 'userStatus', language: 'language' },
  document: {
    kind: 'officialDocuments.kinds',
    distribution: 'officialDocuments.distributions',
    status: 'officialDocuments.statuses',
  },
  registration: { status: 'registrations.statuses', category: 'registrations.categories' },
  outcome: { workingLanguage: 'language' },
};

const COUNTRY_FIELDS = new Set(['country', 'countries']);
const DATE_FIELDS = new Set(['startDate', 'endDate', 'deadline']);
const LONGEST = 120;

export function fieldLabel(field: string, words: HistoryWords): string {
  const key = LABELS[words.subjectType]?.[field];
  return key ? words.t(key) : words.t('audit.otherField');
}

const isTrilingual = (value: object): value is Trilingual =>
  Object.keys(value).length > 0 && Object.keys(value).every((k) => ['es', 'pt', 'en'].includes(k));

/** One value as the reader says it: names for codes, dates in the event's zone, text in their language. */
export function valueText(field: string, value: unknown, words: HistoryWords): string {
  const { t, language } = words;
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) {
    const items = value.map((item) => valueText(field, item, words)).filter((item) => item !== '—');
    return items.length > 0 ? items.join(', ') : '—';
  }
  if (value instanceof Date) return formatInstant(value, words.zone ?? 'UTC', language);
  if (typeof value === 'boolean') return t(value ? 'coverage.yes' : 'coverage.no');
  if (typeof value === 'object') {
    if (isTrilingual(value)) return shortened(localized(value, language));
    if (field === 'sender') return senderText(value as Record<string, unknown>);
    const { name, address, city, country } = value as Record<string, unknown>;
    return shortened(
      [name, address, city, typeof country === 'string' ? countryName(country, language) : undefined]
        .filter((part) => typeof part === 'string' && part)
        .join(', ') || '—',
    );
  }
  const text = String(value);
  if (field === 'roomId') return words.rooms?.get(text) ?? t('agenda.noRoom');
  if (COUNTRY_FIELDS.has(field)) return countryName(text, language);
  if (DATE_FIELDS.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(text))
    return formatDateRange(text, text, language);
  if ((field === 'startsAt' || field === 'endsAt') && !Number.isNaN(Date.parse(text)))
    return formatInstant(new Date(text), words.zone ?? 'UTC', language);
  const codes = CODES[words.subjectType]?.[field];
  if (codes) return t(`${codes}.${text}`, { defaultValue: text });
  return shortened(text);
}

const shortened = (text: string) => (text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text);

/** One line per changed field: "Título: A → B"; lists say what came and what went. */
export function changeLines(changes: Change[], words: HistoryWords): string[] {
  return changes.flatMap(({ field, from, to }) => {
    const label = fieldLabel(field, words);
    if (Array.isArray(from) && Array.isArray(to)) {
      const added = to.filter((item) => !from.some((f) => JSON.stringify(f) === JSON.stringify(item)));
      const removed = from.filter((item) => !to.some((n) => JSON.stringify(n) === JSON.stringify(item)));
      return [
        ...(added.length > 0
          ? [words.t('audit.added', { field: label, items: valueText(field, added, words) })]
          : []),
        ...(removed.length > 0
          ? [words.t('audit.removed', { field: label, items: valueText(field, removed, words) })]
          : []),
      ];
    }
    return [
      words.t('audit.change', {
        field: label,
        from: valueText(field, from, words),
        to: valueText(field, to, words),
      }),
    ];
  });
}

/** An event's sender as its settings show it: "Name <address> · reply-to". */
function senderText({ name, address, replyTo }: Record<string, unknown>): string {
  const from = [name, address ? `<${String(address)}>` : undefined].filter(Boolean).join(' ');
  return [from, replyTo].filter(Boolean).join(' · ') || '—';
}
