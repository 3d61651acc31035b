import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { recordChange } from '../audit/index.js';
import { readDraft, saveDraft, takeDraft } from '../imports/index.js';
import { readPeopleCsv, type ImportRow } from './person.csv.js';
import { createPerson, emailsInUse } from './person.service.js';

const PEOPLE_IMPORT = 'people';

export interface ImportPreview {
  id: string;
  fileName: string;
  rows: ImportRow[];
  valid: number;
  invalid: number;
}

function summarize(id: string, fileName: string, rows: ImportRow[]): ImportPreview {
  const valid = rows.filter((row) => row.errors.length === 0).length;
  return { id, fileName, rows, valid, invalid: rows.length - valid };
}

/** Checks an uploaded CSV and keeps it for confirmation; nothing is saved as people yet. */
export async function previewImport(
  upload: { content: string; fileName: string },
  actor: Actor,
  clock: Clock,
): Promise<ImportPreview> {
  const rows = readPeopleCsv(upload.content);
  const taken = await emailsInUse(rows.flatMap((row) => (row.input?.email ? [row.input.email] : [])));
  for (const row of rows) {
    if (row.input?.email && taken.has(row.input.email.toLowerCase())) {
      row.errors.push({ field: 'email', code: 'email_exists' });
      delete row.input;
    }
  }
  const id = await saveDraft(PEOPLE_IMPORT, { fileName: upload.fileName, rows }, actor, clock);
  return summarize(id, upload.fileName, rows);
}

export async function getImportPreview(importId: string, actor: Actor): Promise<ImportPreview> {
  const draft = await readDraft<ImportRow>(PEOPLE_IMPORT, importId, actor);
  return summarize(draft.id, draft.fileName, draft.rows);
}

/**
 * Saves the valid rows of a previewed import. The draft is deleted first: of two clicks on
 * "confirm", one imports and the other finds nothing.
 */
export async function confirmImport(
  importId: string,
  actor: Actor,
  clock: Clock,
): Promise<{ created: number; skipped: number }> {
  const draft = await takeDraft<ImportRow>(PEOPLE_IMPORT, importId, actor);
  const preview = summarize(draft.id, draft.fileName, draft.rows);
  let created = 0;
  let skipped = preview.invalid;
  for (const row of preview.rows) {
    if (!row.input) continue;
    try {
      await createPerson(row.input, actor, clock);
      created += 1;
    } catch {
      skipped += 1; // an email taken since the preview
    }
  }
  await recordChange(
    {
      action: 'people.imported',
      subjectType: 'people',
      subjectId: 'directory',
      actor,
      changes: [{ field: preview.fileName, from: null, to: created }],
    },
    clock,
  );
  return { created, skipped };
}
