import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { AuditEntry } from './audit.model.js';
import { insertPlain } from '../../db/plain-insert.js';

export interface Change {
  field: string;
  from: unknown;
  to: unknown;
}

export interface AuditRecord {
  at: Date;
  action: string;
  actor: Actor;
  changes: Change[];
}

export type ChangeInput = {
  action: string;
  subjectType: string;
  subjectId: string;
  actor: Actor;
  changes?: Change[];
};

function entryOf(input: ChangeInput, clock: Clock) {
  const { userId, label, via } = input.actor;
  return {
    at: clock.now(),
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    actor: { ...(userId !== undefined && { userId }), label, via },
    // A value that was or became absent stays absent (the driver would store undefined as null).
    changes: (input.changes ?? []).map(({ field, from, to }) => ({
      field,
      ...(from !== undefined && { from }),
      ...(to !== undefined && { to }),
    })),
  };
}

export async function recordChange(input: ChangeInput, clock: Clock): Promise<void> {
  await insertPlain(AuditEntry, entryOf(input, clock));
}

/** Changes of one use case, written together. */
export interface ChangeBatch {
  record(input: ChangeInput): void;
}

/**
 * Runs a use case that records several changes (a registration form: the person, the
 * registration, its placement) and writes its audit entries together at the end, also when it
 * fails part-way (what changed stays recorded), grouped with those of simultaneous use cases
 * into one insert. A process that dies mid-way loses them.
 */
export async function recordingTogether<T>(
  clock: Clock,
  work: (changes: ChangeBatch) => Promise<T>,
): Promise<T> {
  const entries: object[] = [];
  const flush = async () => {
    await Promise.all(entries.splice(0).map((entry) => insertPlain(AuditEntry, entry)));
  };
  let result: T;
  try {
    result = await work({ record: (input) => entries.push(entryOf(input, clock)) });
  } catch (error) {
    await flush().catch(() => undefined);
    throw error;
  }
  await flush();
  return result;
}

/** The fields whose values differ between two plain objects, for the audit trail. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, from: before[field], to: after[field] }));
}

/** Changes a record's page shows, newest first; the page says when there are more. */
export const HISTORY_SHOWN = 100;

export async function historyOf(
  subjectType: string,
  subjectId: string,
  limit = HISTORY_SHOWN,
): Promise<AuditRecord[]> {
  const entries = await AuditEntry.find({ subjectType, subjectId })
    .sort({ at: -1, _id: -1 })
    .limit(limit)
    .lean();
  return entries.map((entry) => ({
    at: entry.at,
    action: entry.action,
    actor: {
      ...(entry.actor?.userId && { userId: entry.actor.userId }),
      label: entry.actor?.label ?? '',
      via: (entry.actor?.via ?? 'system') as Actor['via'],
    },
    changes: (entry.changes ?? []).map((change) => ({
      field: change.field ?? '',
      from: change.from,
      to: change.to,
    })),
  }));
}
