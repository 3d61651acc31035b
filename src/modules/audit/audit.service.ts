import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { AuditEntry } from './audit.model.js';

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

export async function recordChange(
  input: { action: string; subjectType: string; subjectId: string; actor: Actor; changes?: Change[] },
  clock: Clock,
): Promise<void> {
  await AuditEntry.create({
    at: clock.now(),
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    actor: { userId: input.actor.userId, label: input.actor.label, via: input.actor.via },
    changes: input.changes ?? [],
  });
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
