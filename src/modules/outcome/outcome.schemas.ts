import { z } from 'zod';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { normalizeText, objectId, requiredText, trilingual } from '../../shared/limits.js';
import { ITEM_KINDS } from './numbering.js';
import { PARAGRAPH_STATUSES } from './outcome.model.js';
import { IMPORT_LIMITS } from './text-import.js';

export const outcomeInput = z.strictObject({
  title: trilingual('title'),
  workingLanguage: z.enum(LANGUAGES),
});
export type OutcomeInput = z.output<typeof outcomeInput>;

/** A paragraph or heading added to the version being drafted, after another or at the end. */
export const itemInput = z.strictObject({
  kind: z.enum(ITEM_KINDS),
  text: requiredText('description'),
  after: objectId().optional(),
});
export type ItemInput = z.output<typeof itemInput>;

export const itemEdit = z.strictObject({ text: requiredText('description') });

/** A pasted draft; `step` says whether it is shown first or saved. */
export const importInput = z.strictObject({
  source: z
    .string()
    .overwrite(normalizeText)
    .refine((value) => value.isWellFormed(), { message: 'invalid_characters', abort: true })
    // Tabs are common in pasted text and become spaces; other control characters are refused.
    // eslint-disable-next-line no-control-regex
    .refine((value) => !/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(value), {
      message: 'control_characters',
    })
    .pipe(z.string().trim().min(1).max(IMPORT_LIMITS.characters)),
  firstKind: z.enum(['PP', 'OP']),
  step: z.enum(['preview', 'save']),
  /** The fingerprint of the text the preview showed: a save of any other text shows it first. */
  previewed: z.string().max(64).optional(),
});
export type ImportInput = z.output<typeof importInput>;

/** The facilitator's status of a paragraph. */
export const statusInput = z.strictObject({ status: z.enum(PARAGRAPH_STATUSES) });

/** A compromise text and the open proposals on the paragraph it merges. */
export const compromiseInput = z.strictObject({
  text: requiredText('description'),
  merges: z.array(objectId()).max(200).default([]),
});

/** A translation as the form sends it, with the fingerprint of the working-language text it was made from. */
export const translationInput = z.strictObject({
  text: requiredText('description'),
  sourceHash: z.string().regex(/^[a-f0-9]{64}$/, { message: 'invalid' }),
  /** The page the form was on, to go back to. */
  from: z.enum(['list', 'paragraph']).optional(),
});
