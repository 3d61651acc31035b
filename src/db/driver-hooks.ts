import { createRequire } from 'node:module';

/**
 * The MongoDB driver's wire connection, the one mongoose itself loads (the driver is pinned to
 * ~7.8 in package.json's overrides). Foro hooks two of its methods, in `reply-check.ts` and
 * `first-batch.ts`, because the driver offers no public way to do what they do.
 */
export interface WireRequest {
  requestId: number;
  moreToCome?: boolean;
  command?: Record<string, unknown>;
}

export interface WireReply {
  requestId: number;
  responseTo: number;
  moreToCome: boolean;
}

export interface WireConnection {
  address: string;
  id: number | string;
  writeCommand(command: WireRequest, options: unknown): Promise<void>;
  readMany(options: unknown): AsyncGenerator<WireReply>;
  onError(error: Error): void;
}

export function driverConnectionPrototype(): WireConnection {
  const fromMongoose = createRequire(createRequire(import.meta.url).resolve('mongoose'));
  const module = fromMongoose('mongodb/lib/cmap/connection.js') as {
    Connection?: { prototype: WireConnection };
  };
  const prototype = module.Connection?.prototype;
  if (typeof prototype?.readMany !== 'function' || typeof prototype.writeCommand !== 'function') {
    throw new Error('the MongoDB driver changed: Connection.readMany/writeCommand are gone; review src/db');
  }
  return prototype;
}
