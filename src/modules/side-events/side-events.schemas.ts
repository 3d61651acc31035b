import { z } from 'zod';
import { isCountryCode } from '../../shared/countries.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import {
  email,
  objectId,
  optionalTrilingual,
  phone,
  requiredText,
  text,
  trilingual,
} from '../../shared/limits.js';
import { isCalendarDate } from '../../shared/time.js';
import { filled, many } from '../../web/forms.js';
import { SECTORS } from '../people/index.js';

const calendarDate = z.string().trim().refine(isCalendarDate, { message: 'invalid_date' });
const clockTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid_time' });
const countryCode = z.string().trim().toUpperCase().refine(isCountryCode, { message: 'invalid_country' });

/** Organizers a proposal may name: the lead organizer and up to four co-organizers. */
export const ORGANIZER_ROWS = 5;
/** Preferred slots, in order. */
export const PREFERENCES = 3;

export const proposalInput = z.strictObject({
  title: trilingual('title'),
  description: optionalTrilingual('description').optional(),
  organizers: z
    .array(
      z.strictObject({
        organization: requiredText('name'),
        country: countryCode.optional(),
        sector: z.enum(SECTORS),
      }),
    )
    .min(1)
    .max(ORGANIZER_ROWS),
  contact: z.strictObject({
    givenName: requiredText('name'),
    familyName: requiredText('name'),
    email: email(),
    language: z.enum(LANGUAGES),
    phone: phone().optional(),
  }),
  expectedAttendance: z.coerce.number().int().min(1).max(100_000),
  preferredSlots: z.array(objectId()).max(PREFERENCES),
  interpretation: z.array(z.enum(LANGUAGES)).max(3),
  accessibility: text('note').optional(),
});
export type ProposalInput = z.output<typeof proposalInput>;

const TRI = ['es', 'pt', 'en'] as const;
const ORGANIZER_PARTS = ['organization', 'country', 'sector'] as const;
const FLAT = new Set([
  ...TRI.flatMap((l) => [`title_${l}`, `description_${l}`]),
  ...Array.from({ length: ORGANIZER_ROWS }, (_, i) => ORGANIZER_PARTS.map((p) => `org_${i}_${p}`)).flat(),
  ...Array.from({ length: PREFERENCES }, (_, i) => `slot_${i + 1}`),
  'contactGivenName',
  'contactFamilyName',
  'contactEmail',
  'contactLanguage',
  'contactPhone',
  'expectedAttendance',
  'interpretation',
  'accessibility',
]);

/**
 * The proposal form's flat fields as schema input, and the way back from an input path to the
 * form field that holds it (organizer rows left blank are skipped, so row numbers shift).
 */
export function proposalFromForm(body: Record<string, unknown>): {
  input: Record<string, unknown>;
  fieldName: (path: string) => string;
} {
  const tri = (prefix: string) =>
    Object.fromEntries(TRI.map((l) => [l, filled(body[`${prefix}_${l}`])]).filter(([, v]) => v));
  const rows = Array.from({ length: ORGANIZER_ROWS }, (_, i) => i).filter((i) =>
    ORGANIZER_PARTS.some((p) => filled(body[`org_${i}_${p}`])),
  );
  const organizers = rows.map((i) =>
    Object.fromEntries(
      ORGANIZER_PARTS.map((p) => [p, filled(body[`org_${i}_${p}`])]).filter(([, v]) => v !== undefined),
    ),
  );
  const preferred = Array.from({ length: PREFERENCES }, (_, i) => filled(body[`slot_${i + 1}`]));
  const slotFields = preferred.map((v, i) => (v ? `slot_${i + 1}` : '')).filter(Boolean);
  const description = tri('description');
  const contact = Object.fromEntries(
    [
      ['givenName', filled(body['contactGivenName'])],
      ['familyName', filled(body['contactFamilyName'])],
      ['email', filled(body['contactEmail'])],
      ['language', filled(body['contactLanguage'])],
      ['phone', filled(body['contactPhone'])],
    ].filter(([, v]) => v !== undefined),
  );
  const input: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(body).filter(([key]) => !FLAT.has(key))),
    title: tri('title'),
    ...(Object.keys(description).length > 0 && { description }),
    organizers,
    contact,
    expectedAttendance: filled(body['expectedAttendance']),
    preferredSlots: [...new Set(preferred.filter(Boolean))],
    interpretation: many(body['interpretation']),
    ...(filled(body['accessibility']) && { accessibility: body['accessibility'] }),
  };
  const fieldName = (path: string) => {
    const [head, index, part] = path.split('.');
    if (head === 'organizers')
      return index === undefined
        ? 'org_0_organization'
        : `org_${rows[Number(index)] ?? 0}_${part ?? 'organization'}`;
    if (head === 'contact') return `contact${(index ?? 'givenName').replace(/^./, (c) => c.toUpperCase())}`;
    if (head === 'preferredSlots') return slotFields[Number(index)] ?? 'slot_1';
    return head ?? path;
  };
  return { input, fieldName };
}

/** The form's fields as they were stored, to edit them again. */
export function formValuesOf(proposal: {
  title: Record<string, string | undefined>;
  description: Record<string, string | undefined>;
  organizers: { organization: string; country?: string | undefined; sector: string }[];
  contact: {
    givenName: string;
    familyName: string;
    email: string;
    language: string;
    phone?: string | undefined;
  };
  expectedAttendance?: number | undefined;
  preferredSlots: string[];
  interpretation: string[];
  accessibility?: string | undefined;
}): Record<string, unknown> {
  const values: Record<string, unknown> = {
    contactGivenName: proposal.contact.givenName,
    contactFamilyName: proposal.contact.familyName,
    contactEmail: proposal.contact.email,
    contactLanguage: proposal.contact.language,
    contactPhone: proposal.contact.phone,
    expectedAttendance: proposal.expectedAttendance,
    interpretation: proposal.interpretation,
    accessibility: proposal.accessibility,
  };
  for (const l of TRI) {
    values[`title_${l}`] = proposal.title[l];
    values[`description_${l}`] = proposal.description[l];
  }
  proposal.organizers.forEach((o, i) => {
    for (const p of ORGANIZER_PARTS) values[`org_${i}_${p}`] = o[p];
  });
  proposal.preferredSlots.forEach((s, i) => (values[`slot_${i + 1}`] = s));
  return values;
}

export const callSettingsInput = z
  .strictObject({
    opensOn: calendarDate,
    closesOn: calendarDate,
    memberStateOrganizer: z.enum(['yes']).optional(),
    maxPerOrganization: z.coerce.number().int().min(1).max(100).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.closesOn < value.opensOn)
      ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'end_before_start' });
  });
export type CallSettingsInput = z.output<typeof callSettingsInput>;

/** A room's stretch of a day, offered as one slot or cut into slots of `minutes`. */
export const slotRangeInput = z.strictObject({
  roomId: objectId(),
  date: calendarDate,
  start: clockTime,
  end: clockTime,
  minutes: z.coerce.number().int().min(10).max(600).optional(),
});

export const REVIEW_STATES = ['under_review', 'waitlisted', 'rejected', 'withdrawn'] as const;
export const reviewStateInput = z.strictObject({
  state: z.enum(REVIEW_STATES),
  reason: text('note').optional(),
});
export const acceptInput = z.strictObject({ slotId: objectId() });
export const commentInput = z.strictObject({ text: requiredText('note') });
export const mergeInput = z.strictObject({ otherId: objectId() });
export const mergeByNumberInput = z.strictObject({
  otherNumber: z.coerce.number().int().min(1).max(1_000_000),
});
