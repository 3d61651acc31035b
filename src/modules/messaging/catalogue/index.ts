import type { Language } from '../../../shared/i18n/index.js';
import type { MailTemplate } from '../templates.js';
import { credentialsEn, credentialsEs, credentialsPt } from './credentials.js';
import { en } from './en.js';
import { es } from './es.js';
import { pt } from './pt.js';
import { outcomeEn, outcomeEs, outcomePt } from './outcome.js';
import { registrationEn, registrationEs, registrationPt } from './registration.js';
import { sideEventsEn, sideEventsEs, sideEventsPt } from './side-events.js';
import { speakersEn, speakersEs, speakersPt } from './speakers.js';

/** Every mail Foro writes from a template an organizer may edit per event. */
export const TEMPLATE_KEYS = [
  'invitation.chair',
  'invitation.moderator',
  'invitation.speaker',
  'invitation.commentator',
  'invitation.rapporteur',
  'reminder',
  'confirmation',
  'decline',
  'team.declined',
  'change',
  'announcement',
  'registration.received',
  'registration.confirmed',
  'registration.waitlisted',
  'registration.promoted',
  'registration.rejected',
  'registration.cancelled',
  'registration.link',
  'registration.nomination',
  'registration.nominee',
  'registration.nominationSent',
  'sideEvent.received',
  'sideEvent.accepted',
  'sideEvent.waitlisted',
  'sideEvent.rejected',
  'sideEvent.merged',
  'sideEvent.slotOffered',
  'bilateral.requested',
  'bilateral.booked',
  'bilateral.moved',
  'bilateral.declined',
  'bilateral.cancelled',
  'speakers.place',
  'credentials.received',
  'outcome.roundOpened',
  'outcome.revisionIssued',
  'outcome.silenceStarted',
  'outcome.silenceBroken',
  'outcome.adopted',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
export type SideEventKey = Extract<TemplateKey, `sideEvent.${string}` | `bilateral.${string}`>;
export type InvitationKey = Exclude<
  TemplateKey,
  | `registration.${string}`
  | `speakers.${string}`
  | `credentials.${string}`
  | `outcome.${string}`
  | SideEventKey
>;
export type RegistrationKey = Extract<TemplateKey, `registration.${string}`>;

export const isTemplateKey = (value: unknown): value is TemplateKey =>
  typeof value === 'string' && (TEMPLATE_KEYS as readonly string[]).includes(value);

/** The fields a template may name: the whitelist of the logic-less syntax. */
export const PLACEHOLDERS = [
  'greeting',
  'honorific',
  'name',
  'event',
  'session',
  'role',
  'day',
  'time',
  'room',
  'venue',
  'panel',
  'deadline',
  'responseUrl',
  'confirmUrl',
  'declineUrl',
  'programmeUrl',
  'changes',
  'title',
  'message',
  'logistics',
  'adminUrl',
  'category',
  'status',
  'members',
  'officialNote',
  'reason',
  'manageUrl',
  'country',
  'quota',
  'level',
  'slots',
  'place',
  'version',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type MailFields = Partial<Record<Placeholder, string>>;

/** Mails that ask for an answer say so first in the subject; organizers cannot edit this away. */
const asksForAnswer = (key: TemplateKey) =>
  key.startsWith('invitation.') ||
  key === 'reminder' ||
  key === 'registration.nomination' ||
  key === 'bilateral.requested';

const ACTION_PREFIX: Record<Language, string> = {
  es: '[Confirmación requerida]',
  pt: '[Confirmação necessária]',
  en: '[Confirmation required]',
};

/** The subject as sent: the action-required prefix first when the template asks for an answer. */
export function subjectFor(key: TemplateKey, language: Language, subject: string): string {
  if (!asksForAnswer(key)) return subject;
  const prefix = ACTION_PREFIX[language];
  return subject.startsWith(prefix) ? subject : `${prefix} ${subject}`;
}

const DEFAULTS: Record<Language, Record<TemplateKey, MailTemplate>> = {
  es: { ...es, ...registrationEs, ...sideEventsEs, ...speakersEs, ...credentialsEs, ...outcomeEs },
  en: { ...en, ...registrationEn, ...sideEventsEn, ...speakersEn, ...credentialsEn, ...outcomeEn },
  pt: { ...pt, ...registrationPt, ...sideEventsPt, ...speakersPt, ...credentialsPt, ...outcomePt },
};

export function defaultTemplate(key: TemplateKey, language: Language): MailTemplate {
  return DEFAULTS[language][key];
}
