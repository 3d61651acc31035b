import type { Actor } from '../../shared/actor.js';
import { countryName } from '../../shared/countries.js';
import { formatInstant } from '../../shared/time.js';
import { diff, type AuditRecord, type Change } from './audit.service.js';
import { changeLines, type HistoryWords } from './history.values.js';

/** One entry of a record's history as its page shows it. */
export interface HistoryLine {
  when: string;
  /** "Ana Pérez invitó a la delegación de México (cupo 3)." */
  sentence: string;
  /** The changed fields, one line each, when the sentence does not say it all. */
  details: string[];
  /** Through what: web, API, console, a private link, Foro itself. */
  via: string;
}

/**
 * Every action Foro records, each with a sentence in the catalogues (`audit.did.*`); the
 * statuses of events, sessions' people and registrations are actions of their own.
 */
export const AUDIT_ACTIONS = [
  'event.created',
  'event.updated',
  'event.published',
  'event.draft',
  'event.archived',
  'event.room-added',
  'event.room-updated',
  'event.room-removed',
  'event.team-added',
  'event.team-removed',
  'event.invitation-settings',
  'delegation.invited',
  'delegation.nominated',
  'delegation.withdrawn',
  'delegation.note',
  'delegation.submitted',
  'delegation.resent',
  'delegation.quota',
  'privacy.purged',
  'letters.templates.saved',
  'letters.signature.saved',
  'mail-template.saved',
  'mail-template.reset',
  'programme.published',
  'session.created',
  'session.updated',
  'session.moved',
  'session.cancelled',
  'assignment.created',
  'assignment.removed',
  'assignment.proposed',
  'assignment.invited',
  'assignment.confirmed',
  'assignment.declined',
  'assignment.withdrawn',
  'people.imported',
  'contacts.imported',
  'contact.created',
  'contact.updated',
  'person.created',
  'person.updated',
  'person.feeds-reset',
  'user.created',
  'user.invited',
  'user.activated',
  'user.updated',
  'user.reset-link-issued',
  'user.password-reset',
  'user.password-changed',
  'api-token.created',
  'api-token.revoked',
  'registration.submitted',
  'registration.pending',
  'registration.confirmed',
  'registration.waitlisted',
  'registration.rejected',
  'registration.cancelled',
  'registration.updated',
  'registration.programme',
  'side-event.call-saved',
  'side-event.slots-added',
  'side-event.slot-removed',
  'side-event.submitted',
  'side-event.updated',
  'side-event.under_review',
  'side-event.accepted',
  'side-event.waitlisted',
  'side-event.rejected',
  'side-event.withdrawn',
  'side-event.merged',
  'side-event.joined',
  'side-event.commented',
  'side-event.slot-offered',
  'bilateral.slots-added',
  'bilateral.requested',
  'bilateral.accepted',
  'bilateral.declined',
  'bilateral.cancelled',
  'bilateral.moved',
  'message.retried',
  'message.cancelled',
  'speakers.opened',
  'speakers.updated',
  'speakers.published',
  'speakers.inscribed',
  'speakers.reply',
  'speakers.moved',
  'speakers.speaking',
  'speakers.spoke',
  'speakers.absent',
  'speakers.withdrawn',
  'credentials.rules',
  'credentials.recorded',
  'credentials.file',
  'credentials.uploaded',
  'seating.saved',
  'seating.drawn',
  'seating.redrawn',
  'seating.frozen',
  'document.registered',
  'document.updated',
  'document.file-added',
  'document.file-replaced',
  'document.announced',
  'outcome.created',
  'outcome.updated',
  'outcome.paragraph-added',
  'outcome.paragraph-updated',
  'outcome.paragraph-removed',
  'outcome.imported',
  'outcome.round-opened',
  'outcome.round-closed',
  'outcome.proposed',
  'outcome.withdrawn',
  'outcome.supported',
  'outcome.objected',
  'outcome.stance-removed',
  'outcome.status-set',
  'outcome.accepted',
  'outcome.compromise',
  'outcome.revision-issued',
  'outcome.translation-saved',
  'outcome.silence-started',
  'outcome.silence-broken',
  'outcome.adopted',
  'outcome.published',
] as const;
const KNOWN = new Set<string>(AUDIT_ACTIONS);

/** Actions whose sentence names the change; the others list the changed fields under it. */
const SAID_IN_FULL =
  /^(event\.(published|draft|archived|room-added|room-removed|team-|created)|document\.(registered|file-|announced)|outcome\.(created|paragraph-added|paragraph-removed|imported|round-|proposed|withdrawn|supported|objected|stance-|status-set|accepted|revision-|translation-|silence-|adopted|published)|delegation\.|speakers\.|credentials\.|seating\.|privacy\.|mail-template\.|programme\.|assignment\.|people\.|contacts\.|api-token\.|user\.(created|invited)|registration\.(submitted|pending|confirmed|waitlisted|rejected|cancelled))/;

export const sentenceKey = (action: string) => `audit.did.${action.replaceAll('.', '_')}`;

/**
 * Who did it, in the reader's words. Labels are stored text (kept readable after an account is
 * gone); the ones Foro itself writes for people without an account are put into the reader's
 * language here.
 */
function actorName(actor: Actor, words: HistoryWords): string {
  const { t, language } = words;
  const label = actor.label.trim();
  if (label === 'Foro (waiting list)') return t('audit.actors.waitingList');
  if (label.startsWith('Foro')) return 'Foro';
  if (label === 'registrant (private link)') return t('audit.actors.registrant');
  const focal = /^focal point of ([A-Z]{2}) \(nomination link\)$/.exec(label);
  if (focal) return t('audit.actors.focalPoint', { country: countryName(focal[1]!, language) });
  const named = /^(.+) \((?:registration form|invitation link|side-event form|side-event link)\)$/.exec(
    label,
  );
  return named?.[1] ?? (label || t('audit.actors.someone'));
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** The words a sentence takes from the entry's changes (the room, the person, the country…). */
function paramsOf(entry: AuditRecord, words: HistoryWords): Record<string, string> {
  const { t, language } = words;
  const lower = (s: string) => s.charAt(0).toLocaleLowerCase(language) + s.slice(1);
  const someone = t('audit.actors.someone');
  const person = (id: unknown) => words.people?.get(text(id)) ?? someone;
  const first: Change | undefined = entry.changes[0];
  const [kind = '', ...rest] = entry.action.split('.');
  const was = (field: string) => text(entry.changes.find((c) => c.field === field)?.from);
  switch (kind) {
    case 'event': {
      const named = first?.to ?? first?.from;
      if (rest[0]?.startsWith('room-'))
        return { room: typeof named === 'object' ? text((named as { name?: string }).name) : text(named) };
      return rest[0]?.startsWith('team-') ? { member: text(named) } : {};
    }
    case 'delegation': {
      const country = first?.field.split(':')[1];
      return { country: country ? countryName(country, language) : '', quota: text(first?.to) };
    }
    case 'speakers': {
      // A move names its speaker in the field ("place:Name") and the places as from and to.
      if (first?.field.startsWith('place:'))
        return { name: first.field.slice('place:'.length), from: text(first.from), to: text(first.to) };
      return { name: text(first?.to) };
    }
    case 'credentials': {
      const country = first?.field.split(':')[1];
      return { country: country ? countryName(country, language) : '' };
    }
    case 'seating': {
      const first = entry.changes.find((c) => c.field === 'first');
      const name = (code: unknown) => (typeof code === 'string' ? countryName(code, language) : '');
      return { country: name(first?.to), before: name(first?.from) };
    }
    case 'privacy':
      return { passports: was('passports') || '0', travel: was('travel') || '0' };
    case 'mail-template': {
      const [, key = '', lang = ''] = first?.field.split(':') ?? [];
      return { template: t(`templates.keys.${key}`, { defaultValue: key }), language: t(`language.${lang}`) };
    }
    case 'programme':
      return { number: text(first?.to) };
    case 'document': {
      const symbol = entry.changes.find((c) => c.field === 'symbol');
      const lang = text(entry.changes.find((c) => c.field === 'language')?.to);
      return {
        symbol: text(symbol?.to ?? symbol?.from),
        language: lang ? (language === 'en' ? t(`language.${lang}`) : lower(t(`language.${lang}`))) : '',
      };
    }
    case 'outcome':
      return outcomeParams(entry, words);
    case 'people':
    case 'contacts':
      return { file: text(first?.field), count: text(first?.to) };
    case 'api-token':
      return { name: text(first?.to ?? first?.from) };
    case 'user':
      return { role: first?.field === 'role' ? lower(t(`roles.${text(first.to)}`)) : '' };
    case 'assignment': {
      if (rest[0] === 'created') {
        const [, name = text(first?.to), status = ''] = /^(.*) \((\w+)\)$/.exec(text(first?.to)) ?? [];
        return {
          person: name,
          role: t(`mailRoles.${text(first?.field)}`),
          status: status ? lower(t(`assignmentStatus.${status}`)) : '',
        };
      }
      if (rest[0] === 'removed')
        return { person: person(first?.from), role: t(`mailRoles.${text(first?.field)}`) };
      const [role = '', personId = ''] = first?.field.split(':') ?? [];
      return { person: person(personId), role: t(`mailRoles.${role}`) };
    }
    default:
      return {};
  }
}

/** An outcome entry's words: the text's title, the paragraph, the state that proposed, the deadline. */
function outcomeParams(entry: AuditRecord, words: HistoryWords): Record<string, string> {
  const to = (field: string) => entry.changes.find((c) => c.field === field)?.to;
  const proposers = text(to('proposer'))
    .split(', ')
    .map((p) => (/^[A-Z]{2}$/.test(p) ? countryName(p, words.language) : p));
  const status = text(to('status'));
  const deadline = to('deadline');
  return {
    title: text(to('name')),
    paragraph: text(to('paragraph')),
    count: text(to('count')),
    proposer: proposers.filter(Boolean).join(', ') || words.t('outcome.nothingMerged'),
    status: status ? words.t(`outcome.paragraphStatuses.${status}`) : '',
    version: versionOf(to('version'), words),
    language: to('language') ? words.t(`language.${text(to('language'))}`) : '',
    reason: text(to('reason')),
    symbol: text(to('symbol')),
    deadline: deadline
      ? formatInstant(new Date(deadline as string), words.zone ?? 'UTC', words.language)
      : '',
  };
}

/** "Rev.2", or the zero draft's name, in the reader's words. */
function versionOf(value: unknown, words: HistoryWords): string {
  if (typeof value !== 'number') return '';
  return value === 0 ? words.t('outcome.zeroDraft') : `Rev.${value}`;
}

function detailsOf(entry: AuditRecord, words: HistoryWords): string[] {
  if (entry.action === 'event.room-updated') {
    const { from, to } = entry.changes[0] ?? {};
    const fields = (room: unknown) => ({ ...(room as object), id: undefined });
    return changeLines(diff(fields(from), fields(to)), words);
  }
  if (SAID_IN_FULL.test(entry.action)) return [];
  // A field kept only to name the record in the sentence (a document's symbol) is no change.
  return changeLines(
    entry.changes.filter((c) => typeof c.from === 'object' || c.from !== c.to),
    words,
  );
}

/** A record's history as sentences in the reader's language, its times in the record's zone. */
export function describeHistory(entries: AuditRecord[], words: HistoryWords): HistoryLine[] {
  return entries.map((entry) => {
    const known = KNOWN.has(entry.action);
    // A person who answers through their own link confirms or declines themselves.
    const self = entry.action.match(/^assignment\.(confirmed|declined)$/) && entry.actor.via === 'link';
    const key = known ? `${sentenceKey(entry.action)}${self ? '-self' : ''}` : 'audit.did.other';
    return {
      when: formatInstant(entry.at, words.zone ?? 'UTC', words.language),
      sentence: words.t(key, { actor: actorName(entry.actor, words), ...paramsOf(entry, words) }),
      details: known ? detailsOf(entry, words) : changeLines(entry.changes, words),
      via: words.t(`audit.via.${entry.actor.via}`),
    };
  });
}

/** The people an entry names by id (its assignments), whose names the page looks up. */
export function peopleNamedIn(entries: AuditRecord[]): string[] {
  const ids = entries.flatMap((entry) => {
    if (!entry.action.startsWith('assignment.')) return [];
    const first = entry.changes[0];
    if (entry.action === 'assignment.removed') return [text(first?.from)];
    return first?.field.includes(':') ? [first.field.split(':')[1] ?? ''] : [];
  });
  return [...new Set(ids.filter((id) => /^[a-f0-9]{24}$/.test(id)))];
}
