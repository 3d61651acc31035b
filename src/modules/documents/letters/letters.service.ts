import mongoose from 'mongoose';
import type { Actor } from '../../../shared/actor.js';
import type { Clock } from '../../../shared/clock.js';
import { countryName } from '../../../shared/countries.js';
import { absentIfNotFound, ValidationError } from '../../../shared/errors.js';
import type { Language, Translate } from '../../../shared/i18n/index.js';
import { requiredText } from '../../../shared/limits.js';
import { LANGUAGES } from '../../../shared/i18n/index.js';
import { z } from 'zod';
import { formatDateRange } from '../../../shared/time.js';
import { recordChange } from '../../audit/index.js';
import { getEvent, localized, type EventView } from '../../events/index.js';
import { unknownPlaceholders } from '../../messaging/index.js';
import { displayName } from '../../people/index.js';
import { PassportData } from '../../registrations/index.js';
import type { Participant } from '../../registrations/index.js';
import { formatDate, venueLine } from '../programme-pdf/programme.document.js';
import { issueCodes, normalizeVerificationCode } from '../verification-code.js';
import { fillLetter } from './compose.js';
import { DEFAULT_LETTERS, LETTER_PLACEHOLDERS } from './letter-defaults.js';
import { Letter, LETTER_KINDS, LetterTemplate, type LetterKind } from './letter.model.js';
import type { LettersLayout } from './letters.layout.js';
import { signatureBlock } from './signature.service.js';

const templateId = (eventId: string, kind: LetterKind, language: Language) =>
  `${eventId}:${kind}:${language}`;

export async function letterTemplate(eventId: string, kind: LetterKind, language: Language): Promise<string> {
  const saved = await LetterTemplate.findById(templateId(eventId, kind, language)).lean();
  return saved?.body ?? DEFAULT_LETTERS[kind][language];
}

/** All of an event's letterhead texts, by form field (`certificate_es`…), its own or the defaults. */
export async function letterTemplates(eventId: string): Promise<Record<string, string>> {
  const ids = LETTER_KINDS.flatMap((kind) =>
    LANGUAGES.map((language) => templateId(eventId, kind, language)),
  );
  const saved = new Map(
    (await LetterTemplate.find({ _id: mongoose.trusted({ $in: ids }) }).lean()).map((t) => [
      String(t._id),
      t.body,
    ]),
  );
  return Object.fromEntries(
    LETTER_KINDS.flatMap((kind) =>
      LANGUAGES.map((language) => [
        `${kind}_${language}`,
        saved.get(templateId(eventId, kind, language)) ?? DEFAULT_LETTERS[kind][language],
      ]),
    ),
  );
}

/** The letterhead form: one text per kind and language, each within the description limit. */
export const letterTemplatesInput = z.strictObject(
  Object.fromEntries(
    LETTER_KINDS.flatMap((kind) =>
      LANGUAGES.map((l) => [`${kind}_${l}`, requiredText('description').optional()]),
    ),
  ),
);

/**
 * Saves an event's letterhead texts. Every text is checked before any is saved: a placeholder
 * outside the whitelist is refused by name, and then nothing changes.
 */
export async function saveLetterTemplates(
  event: EventView,
  input: z.output<typeof letterTemplatesInput>,
  actor: Actor,
  clock: Clock,
): Promise<void> {
  const texts = LETTER_KINDS.flatMap((kind) =>
    LANGUAGES.flatMap((language) => {
      const body = input[`${kind}_${language}`];
      return body === undefined ? [] : [{ kind, language, body }];
    }),
  );
  const errors = texts.flatMap(({ kind, language, body }) => {
    const unknown = unknownPlaceholders({ subject: '', body }, LETTER_PLACEHOLDERS[kind]);
    return unknown.length > 0
      ? [{ field: `${kind}_${language}`, code: 'unknown_placeholder', params: { names: unknown.join(', ') } }]
      : [];
  });
  if (errors.length > 0) throw new ValidationError(errors);
  for (const { kind, language, body } of texts) {
    await LetterTemplate.findOneAndUpdate(
      { _id: templateId(event.id, kind, language) },
      { $set: { body, updatedAt: clock.now(), updatedBy: actor.label } },
      { upsert: true },
    );
  }
  await recordChange(
    { action: 'letters.templates.saved', subjectType: 'event', subjectId: event.id, actor },
    clock,
  );
}

/** Each letter's code, issued on first print and kept for reprints (one per registration and kind). */
function letterCodes(event: EventView, kind: LetterKind, recipients: Participant[], clock: Clock) {
  const names = new Map(recipients.map((r) => [r.registration.id, displayName(r.person)]));
  return issueCodes([...names.keys()], {
    known: async (ids) =>
      new Map(
        (
          await Letter.find({
            eventId: event.id,
            kind,
            registrationId: mongoose.trusted({ $in: ids }),
          }).lean()
        ).map((l) => [l.registrationId, String(l._id)]),
      ),
    insert: async (registrationId, code) => {
      const name = names.get(registrationId)!;
      await Letter.create({
        _id: code,
        eventId: event.id,
        registrationId,
        kind,
        name,
        issuedAt: clock.now(),
      });
    },
    winner: async (registrationId) => {
      const found = await Letter.findOne({ registrationId, kind }).lean();
      return found ? String(found._id) : undefined;
    },
  });
}

/** Letters for the given people, filled in from the event's letterhead text in one language. */
export async function lettersLayout(
  kind: LetterKind,
  event: EventView,
  recipients: Participant[],
  language: Language,
  t: Translate,
  deps: { clock: Clock; publicUrl: string },
): Promise<LettersLayout> {
  const [template, codes, signature] = await Promise.all([
    letterTemplate(event.id, kind, language),
    letterCodes(event, kind, recipients, deps.clock),
    signatureBlock(event, language),
  ]);
  const passports =
    kind === 'visa'
      ? new Map(
          (
            await PassportData.find({
              _id: mongoose.trusted({ $in: recipients.map((r) => r.registration.id) }),
            }).lean()
          ).map((p) => [String(p._id), p]),
        )
      : new Map();
  const title = localized(event.title, language, event.languages);
  const organizers = localized(event.organizers, language, event.languages);
  const common = {
    event: title,
    dates: formatDateRange(event.startDate, event.endDate, language),
    venue: venueLine(event, language),
    // "… certifica que": an event without organizers named certifies in its own name.
    organizers: organizers || title,
    today: formatDate(deps.clock.now(), event.timezone, language),
  };
  return {
    language,
    title: `${t(`documents.letters.${kind}`)} · ${title}`,
    letterhead: { title, organizers },
    empty: t('documents.letters.none'),
    ...(signature && { signature }),
    letters: recipients.map(({ registration, person }) => {
      const code = codes.get(registration.id) ?? '';
      const verifyUrl = `${deps.publicUrl}/letters/verify?code=${code}`;
      const passport = passports.get(registration.id);
      const country = registration.countryRepresented ?? person.country;
      const fields: Record<string, string> = {
        ...common,
        name: displayName(person),
        organization: person.organization ?? '',
        country: country ? countryName(country, language) : '',
        code,
        verifyUrl,
        nationality: passport?.nationality ? countryName(passport.nationality, language) : '',
        passportNumber: passport?.passportNumber ?? '',
        dateOfBirth: passport?.dateOfBirth ?? '',
      };
      return {
        body: fillLetter(template, fields),
        verification: t('documents.letters.verification', { code, url: verifyUrl }),
      };
    }),
  };
}

/** What the public check of a code may say: the kind of letter, the name, the event and the date. */
export async function verifyLetter(typed: string) {
  const code = normalizeVerificationCode(typed);
  const letter = code ? await Letter.findById(code).lean() : null;
  if (!letter) return undefined;
  const event = await getEvent(letter.eventId).catch(absentIfNotFound);
  if (!event) return undefined;
  return {
    kind: letter.kind as LetterKind,
    name: letter.name,
    event,
    issuedAt: letter.issuedAt,
    code: String(letter._id),
  };
}
