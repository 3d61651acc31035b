import mongoose from 'mongoose';
import { performance } from 'node:perf_hooks';

/** How long a process keeps a read that another process may have changed meanwhile. */
export const SHORT_CACHE_MS = 2_000;

const caches = new Set<Map<string, { until: number; value: Promise<unknown> }>>();

export interface ShortCache<V> {
  /** The value under `key`, read with `load` unless this process read it in the last moments. */
  get(key: string, load: () => PromiseLike<V>): Promise<V>;
  /** Forgets everything: this process just changed what the values come from. */
  forget(): void;
}

/**
 * Records read for every mail or request and changed rarely (an event's mail templates), kept
 * per process for SHORT_CACHE_MS. A change made through this process is seen at once (its
 * writer calls `forget`); one made through another process within SHORT_CACHE_MS. Nothing a
 * decision rests on comes from here: a registration reads its event and rules afresh, since a
 * capacity lowered through one process must hold at once in all of them.
 */
export function shortCache<V>(): ShortCache<V> {
  const entries = new Map<string, { until: number; value: Promise<unknown> }>();
  caches.add(entries);
  return {
    get(key, load) {
      // Keyed by database too: a process (a test run) may use several.
      const full = `${mongoose.connection.name}/${key}`;
      const now = performance.now();
      const entry = entries.get(full);
      if (entry && entry.until > now) return entry.value as Promise<V>;
      // A query is a thenable that runs each time it is awaited: made a promise, it runs once.
      const value = Promise.resolve(load());
      entries.set(full, { until: now + SHORT_CACHE_MS, value });
      // A failed read is not kept: the next request tries again.
      value.catch(() => entries.delete(full));
      return value;
    },
    forget: () => entries.clear(),
  };
}

/** Forgets every cached read (tests that wipe the database). */
export function forgetCachedReads(): void {
  for (const entries of caches) entries.clear();
}
