import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError } from '../../shared/errors.js';
import type { Language } from '../../shared/i18n/index.js';
import type { Trilingual } from '../../shared/trilingual.js';
import type { EventView } from '../events/index.js';
import type { DocumentKind } from './document.model.js';
import {
  acceptedFormat,
  addLanguageVersion,
  currentFiles,
  filesOf,
  findBySymbol,
  registerDocument,
  type Upload,
} from './document.service.js';
import type { DocumentView, FileView } from './document.views.js';

export type SubmitterKind = 'speaker' | 'focal-point' | 'floor';

/**
 * Who submits, and what their document is: a speaker or a focal point through their private link,
 * or the team attaching a statement delivered from the floor.
 */
export interface Submitter {
  kind: SubmitterKind;
  /** The assignment (speaker), delegation (focal point) or entry on a list of speakers (floor). */
  id: string;
  /** The symbol their document gets: one per submitter, so a second upload adds to the first. */
  symbol: string;
  documentKind: DocumentKind;
  title: Trilingual;
  sessionIds: string[];
  /** The delegation or organization, as the list shows it. */
  name: string;
  actor: Actor;
}

/** A speaker's presentation or a delegation's statement as its submitter sees it. */
export interface Submission {
  document: DocumentView | undefined;
  files: FileView[];
}

export async function submissionOf(event: EventView, submitter: Pick<Submitter, 'symbol' | 'id'>) {
  const document = await findBySymbol(event.id, submitter.symbol);
  if (!document || document.submittedBy?.id !== submitter.id) return { document: undefined, files: [] };
  return { document, files: [...currentFiles(await filesOf(document.id)).values()] };
}

/**
 * A file sent through a private link lands as a draft document for the team to review and
 * publish; further files add or replace language versions while it is a draft. Once the team
 * has published it, the submitter asks the team for changes.
 */
export async function submitFile(
  event: EventView,
  submitter: Submitter,
  language: Language,
  upload: Upload,
  deps: { clock: Clock; maxBytes: number },
): Promise<Submission> {
  acceptedFormat(upload, deps.maxBytes);
  let { document } = await submissionOf(event, submitter);
  if (document && document.status !== 'draft') throw new ConflictError('SUBMISSION_PUBLISHED');
  if (!document) {
    document = await registerDocument(
      event,
      {
        symbol: submitter.symbol,
        title: submitter.title,
        kind: submitter.documentKind,
        date: event.startDate,
        distribution: 'general',
        status: 'draft',
        sessionIds: submitter.sessionIds,
        submitter: submitter.name,
      },
      submitter.actor,
      deps.clock,
      { kind: submitter.kind, id: submitter.id },
    ).catch(async (error: unknown) => {
      // The same submitter sent twice at once: the other request registered it.
      const again = await findBySymbol(event.id, submitter.symbol);
      if (error instanceof ConflictError && again?.submittedBy?.id === submitter.id) return again;
      throw error;
    });
  }
  await addLanguageVersion(event, document.id, language, upload, submitter.actor, deps);
  return submissionOf(event, submitter);
}
