import { createHash } from 'node:crypto';
import type { Clock } from '../../../shared/clock.js';
import { translatorFor, type Language } from '../../../shared/i18n/index.js';
import type { Logger } from '../../../shared/logger.js';
import type { EventView } from '../../events/index.js';
import { getVersion, type PersonalSession, type Version } from '../../published-programme/index.js';
import { cachedFile, forgetEarlierVersions } from '../document.cache.js';
import type { PdfRenderer } from '../render/renderer.js';
import { programmeLayout, type SessionDocuments } from './programme.document.js';

export interface DocumentDeps {
  renderer: PdfRenderer;
  clock: Clock;
  /** The official documents of each session, listed under it. */
  sessionDocuments?: (eventId: string) => Promise<SessionDocuments>;
  /** A person's places on published lists of speakers: one line per session, in their language. */
  speakerPlaces?: SpeakerPlacesLookup;
}

export type SpeakerPlacesLookup = (
  event: EventView,
  personId: string,
  language: Language,
) => Promise<{ sessionId: string; line: string }[]>;

/** The documents of the event's sessions and a short digest of them for the cache key. */
async function documentsOf(deps: DocumentDeps, eventId: string) {
  const documents = deps.sessionDocuments ? await deps.sessionDocuments(eventId) : new Map();
  const digest = createHash('sha256')
    .update(JSON.stringify([...documents.entries()].sort()))
    .digest('base64url')
    .slice(0, 12);
  return { documents, digest: `d${digest}` };
}

// The event's revision is part of every key: an edited title or venue makes a new cover.
const keyOf = (event: EventView, version: number, language: Language, ...rest: string[]) => ({
  id: ['programme', event.id, version, language, event.revision, ...rest].join(':'),
  eventId: event.id,
  version,
  contentType: 'application/pdf',
});

/**
 * The published programme as a PDF in one language, drawn once per version, language and event
 * edit. A stored file is served by its version number alone; the snapshot is read (unless the
 * caller has it) only to draw.
 */
export async function programmePdf(
  deps: DocumentDeps,
  event: EventView,
  version: number | Version,
  language: Language,
): Promise<Buffer> {
  const number = typeof version === 'number' ? version : version.number;
  const { documents, digest } = await documentsOf(deps, event.id);
  return cachedFile(
    keyOf(event, number, language, digest),
    async () => {
      const full = typeof version === 'number' ? await getVersion(event.id, version) : version;
      const t = translatorFor(language);
      const layout = programmeLayout(event, full, language, t, undefined, documents);
      return deps.renderer.render({ kind: 'programme', layout });
    },
    deps.clock,
  );
}

/** A person's programme: their sessions first, then the whole programme (cached for what shapes it). */
export async function personalProgrammePdf(
  deps: DocumentDeps,
  event: EventView,
  version: Version,
  language: Language,
  reader: { id: string; name: string },
  sessions: PersonalSession[],
): Promise<Buffer> {
  const places = new Map(
    ((await deps.speakerPlaces?.(event, reader.id, language)) ?? []).map((p) => [p.sessionId, p.line]),
  );
  // Places on lists of speakers move without a new version: they are part of what shapes the file.
  const shape = createHash('sha256')
    .update(
      JSON.stringify([
        reader.name,
        sessions.map((s) => [s.session.id, s.roles, s.workshop]),
        [...places.entries()],
      ]),
    )
    .digest('base64url')
    .slice(0, 16);
  const t = translatorFor(language);
  const { documents, digest } = await documentsOf(deps, event.id);
  return cachedFile(
    keyOf(event, version.number, language, digest, 'person', reader.id, shape),
    () =>
      deps.renderer.render({
        kind: 'programme',
        layout: programmeLayout(
          event,
          version,
          language,
          t,
          { readerName: reader.name, sessions, places },
          documents,
        ),
      }),
    deps.clock,
  );
}

/**
 * After a publication: the new version's programme is drawn in each of the event's languages,
 * so the first readers find it ready, and files of earlier versions are dropped.
 */
export async function prepareProgrammePdfs(
  deps: DocumentDeps,
  event: EventView,
  version: Version,
  logger: Logger,
): Promise<void> {
  try {
    await forgetEarlierVersions(event.id, version.number);
    for (const language of event.languages) await programmePdf(deps, event, version, language);
  } catch (error) {
    logger.error(
      { err: error, eventId: event.id, version: version.number },
      'Could not prepare the programme PDFs',
    );
  }
}
