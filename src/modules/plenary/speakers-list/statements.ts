import type { Actor } from '../../../shared/actor.js';
import type { Clock } from '../../../shared/clock.js';
import { countryName } from '../../../shared/countries.js';
import { ConflictError, NotFoundError } from '../../../shared/errors.js';
import { LANGUAGES, type Language } from '../../../shared/i18n/index.js';
import type { SessionView } from '../../agenda/index.js';
import { localized, type EventView } from '../../events/index.js';
import { submissionOf, submitFile, type Submitter } from '../../official-documents/index.js';
import type { ListState, PlacedEntry } from './speakers.views.js';

/** A spoken entry with the official document its statement became, if the team attached one. */
export interface SpokenStatement {
  entry: PlacedEntry;
  document: { id: string; symbol: string; status: string; languages: string[] } | undefined;
}

const speakingFor = (entry: PlacedEntry, language: Language) =>
  entry.group === 'state' && entry.country
    ? countryName(entry.country, language)
    : (entry.organization ?? entry.speakerName);

/**
 * The statement of one entry as a document of the register: kind "statement", the session, and
 * the delegation (or organization) as its submitter. Its symbol names the session and the
 * entry's inscription number, so a second file adds a language to the same document.
 */
function statementOf(event: EventView, session: SessionView, entry: PlacedEntry): Omit<Submitter, 'actor'> {
  const sessionCode = session.id.slice(-6).toUpperCase();
  return {
    kind: 'floor',
    id: entry.id,
    symbol: `${event.slug.toUpperCase()}/STATEMENT/${sessionCode}/${entry.seq}`,
    documentKind: 'statement',
    title: Object.fromEntries(
      LANGUAGES.map((l) => [l, `${speakingFor(entry, l)}: ${localized(session.title, l, event.languages)}`]),
    ),
    sessionIds: [session.id],
    name: speakingFor(entry, 'es'),
  };
}

/** The list's spoken entries, each with the document of its statement when one was attached. */
export async function spokenStatements(
  event: EventView,
  session: SessionView,
  state: ListState,
): Promise<SpokenStatement[]> {
  const spoken = state.entries.filter((e) => e.status === 'spoke');
  return Promise.all(
    spoken.map(async (entry) => {
      const { document } = await submissionOf(event, statementOf(event, session, entry));
      return {
        entry,
        document: document && {
          id: document.id,
          symbol: document.symbol,
          status: document.status,
          languages: document.languages,
        },
      };
    }),
  );
}

/**
 * The team attaches a delivered statement (one language version at a time) as an official
 * document, through the register's own submission: it lands there as a draft for the team to
 * publish, audited like any registration and upload. Only an entry that has spoken has one.
 */
export async function attachStatement(
  event: EventView,
  session: SessionView,
  state: ListState,
  entryId: string,
  file: { language: Language; bytes: Buffer; fileName: string },
  actor: Actor,
  deps: { clock: Clock; maxBytes: number },
): Promise<void> {
  const entry = state.entries.find((e) => e.id === entryId);
  if (!entry) throw new NotFoundError();
  if (entry.status !== 'spoke') throw new ConflictError('SPEAKERS_NOT_SPOKEN');
  await submitFile(
    event,
    { ...statementOf(event, session, entry), actor },
    file.language,
    { bytes: file.bytes, fileName: file.fileName },
    deps,
  );
}
