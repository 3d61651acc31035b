import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError, NotFoundError } from '../../shared/errors.js';
import { recordChange } from '../audit/index.js';
import { loadWorkingProgramme, type WorkingProgramme } from '../agenda/index.js';
import type { EventView } from '../events/index.js';
import { compareSnapshots, withSequences, type SessionChange } from './changelog.js';
import { buildSnapshot, type Snapshot } from './snapshot.js';
import { ProgrammeVersion } from './version.model.js';
import { isDuplicateKey } from '../../db/duplicate-key.js';

export interface Version {
  number: number;
  publishedAt: Date;
  publishedBy: string;
  snapshot: Snapshot;
  changelog: SessionChange[];
}

function toVersion(doc: {
  number: number;
  publishedAt: Date;
  publishedBy: string;
  snapshot: string;
  changelog: string;
}): Version {
  return {
    number: doc.number,
    publishedAt: doc.publishedAt,
    publishedBy: doc.publishedBy,
    snapshot: JSON.parse(doc.snapshot) as Snapshot,
    changelog: JSON.parse(doc.changelog) as SessionChange[],
  };
}

/** What happens after a version is published (change notices, wired in by the app). */
export type OnPublished = (
  event: EventView,
  version: Version,
) => Promise<{ batchId: string; queued: number }>;

export async function latestVersion(eventId: string): Promise<Version | undefined> {
  const doc = await ProgrammeVersion.findOne({ eventId }).sort({ number: -1 }).lean();
  return doc ? toVersion(doc) : undefined;
}

/** The latest version's number alone, without reading its snapshot (for cache keys and links). */
export async function latestVersionNumber(eventId: string): Promise<number | undefined> {
  const doc = await ProgrammeVersion.findOne({ eventId }, { number: 1 }).sort({ number: -1 }).lean();
  return doc?.number;
}

export async function getVersion(eventId: string, number: number): Promise<Version> {
  const doc = await ProgrammeVersion.findOne({ eventId, number }).lean();
  if (!doc) throw new NotFoundError();
  return toVersion(doc);
}

export async function listVersions(eventId: string): Promise<Omit<Version, 'snapshot'>[]> {
  const docs = await ProgrammeVersion.find({ eventId }, { snapshot: 0 }).sort({ number: -1 }).lean();
  return docs.map((d) => ({
    number: d.number,
    publishedAt: d.publishedAt,
    publishedBy: d.publishedBy,
    changelog: JSON.parse(d.changelog) as SessionChange[],
  }));
}

/** What publishing now would produce: the next snapshot and its changes against the latest version. */
export async function draftNextVersion(
  event: EventView,
  programme?: WorkingProgramme,
): Promise<{ previous: Version | undefined; snapshot: Snapshot; changelog: SessionChange[] }> {
  const previous = await latestVersion(event.id);
  const built = buildSnapshot(event, programme ?? (await loadWorkingProgramme(event)), previous?.snapshot);
  const changelog = compareSnapshots(previous?.snapshot, built);
  return { previous, snapshot: withSequences(previous?.snapshot, built, changelog), changelog };
}

/**
 * Freezes the working programme as version N+1. The insert against the unique (event, number)
 * index decides between two organizers publishing at once: the second gets 409.
 */
export async function publishProgramme(event: EventView, actor: Actor, clock: Clock): Promise<Version> {
  if (event.status === 'archived') throw new ConflictError('EVENT_ARCHIVED');
  const { previous, snapshot, changelog } = await draftNextVersion(event);
  if (previous && changelog.length === 0) throw new ConflictError('NOTHING_TO_PUBLISH');
  const number = (previous?.number ?? 0) + 1;
  try {
    await ProgrammeVersion.create({
      eventId: event.id,
      number,
      publishedAt: clock.now(),
      publishedBy: actor.label,
      snapshot: JSON.stringify(snapshot),
      changelog: JSON.stringify(changelog),
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError('PUBLISH_RACE');
    throw error;
  }
  await recordChange(
    {
      action: 'programme.published',
      subjectType: 'event',
      subjectId: event.id,
      actor,
      changes: [{ field: 'version', from: previous?.number ?? null, to: number }],
    },
    clock,
  );
  return getVersion(event.id, number);
}
