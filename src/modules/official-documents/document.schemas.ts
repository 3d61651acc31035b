import { z } from 'zod';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { objectId, requiredText, text, trilingual } from '../../shared/limits.js';
import { isCalendarDate } from '../../shared/time.js';
import { pageQuery } from '../../web/params.js';
import { DISTRIBUTIONS, DOCUMENT_KINDS, DOCUMENT_STATUSES } from './document.model.js';

const calendarDate = z.string().trim().refine(isCalendarDate, { message: 'invalid_date' });

/** A document as the register records it (the symbol's Rev./Corr./Add. ending links it to its parent). */
const documentFields = {
  symbol: requiredText('short').refine((value) => !value.includes('\n'), { message: 'control_characters' }),
  title: trilingual('title'),
  kind: z.enum(DOCUMENT_KINDS),
  date: calendarDate,
  distribution: z.enum(DISTRIBUTIONS),
  status: z.enum(DOCUMENT_STATUSES),
  sessionIds: z.array(objectId()).max(50),
  submitter: text('title').optional(),
};

export const documentInput = z.strictObject({
  ...documentFields,
  sessionIds: documentFields.sessionIds.default([]),
});
export type DocumentInput = z.output<typeof documentInput>;

/** A change to some fields; the ones left out stay as they are. */
export const documentPatch = z.strictObject(documentFields).partial();
export type DocumentPatch = z.output<typeof documentPatch>;

export const fileLanguage = z.strictObject({ language: z.enum(LANGUAGES) });

/** The lists' filters and search, and the place of the page (`after` or `before` a cursor). */
export const listQuery = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS).optional(),
  language: z.enum(LANGUAGES).optional(),
  session: objectId().optional(),
  q: text('short').optional(),
  ...pageQuery.shape,
});
export type ListQuery = z.output<typeof listQuery>;
