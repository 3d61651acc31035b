import mongoose from 'mongoose';

export interface SeenQuery {
  collection: string;
  method: string;
  filter: Record<string, unknown>;
}

/** Every query the database received while `run` was going on, with its filter. */
export async function queriesDuring(run: () => Promise<unknown>): Promise<SeenQuery[]> {
  const seen: SeenQuery[] = [];
  mongoose.set('debug', (collection: string, method: string, filter: unknown) => {
    seen.push({ collection, method, filter: (filter ?? {}) as Record<string, unknown> });
  });
  try {
    await run();
  } finally {
    mongoose.set('debug', false);
  }
  return seen;
}

/**
 * True when a filter is made of top-level equalities on plain values only: what FerretDB pushes
 * down to its backend (no range, `$in`, `$or`, or dotted path).
 */
export const isPlainEquality = (filter: Record<string, unknown>) =>
  Object.entries(filter).every(
    ([key, value]) =>
      !key.startsWith('$') &&
      !key.includes('.') &&
      (value === null ||
        typeof value !== 'object' ||
        value instanceof Date ||
        value instanceof mongoose.Types.ObjectId),
  );
