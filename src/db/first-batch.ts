import { driverConnectionPrototype, type WireConnection } from './driver-hooks.js';

/**
 * Every `find` and `aggregate` asks for all its documents in the first reply (up to the 16 MB a
 * reply may hold) unless it chose a batch size itself.
 *
 * Why: FerretDB on SQLite keeps one of its 100 pooled SQLite connections for each open cursor
 * until the client fetches the rest. With the server's default first batch (101 documents), a
 * hundred simultaneous reads of longer lists (a waiting list, a scope's seats) held every
 * connection while their `getMore`s waited behind queries that needed one: the server stopped
 * answering altogether (seen with 300 simultaneous registrations). A cursor answered whole is
 * closed at once. On MongoDB the larger first batch only saves round trips.
 */
const ALL_AT_ONCE = 1_000_000;
let installed = false;

export function askForWholeFirstBatches(): void {
  if (installed) return;
  installed = true;
  const prototype = driverConnectionPrototype();
  const writeCommand = prototype.writeCommand;
  prototype.writeCommand = function (this: WireConnection, request, options) {
    const command = request.command;
    if (command && 'find' in command && command['batchSize'] === undefined && !command['singleBatch']) {
      command['batchSize'] = ALL_AT_ONCE;
    } else if (command && 'aggregate' in command && !writesOut(command['pipeline'])) {
      const cursor = command['cursor'] as { batchSize?: number } | undefined;
      if (cursor && cursor.batchSize === undefined) cursor.batchSize = ALL_AT_ONCE;
    }
    return writeCommand.call(this, request, options);
  };
}

/** A pipeline ending in $out or $merge takes no batch size. */
function writesOut(pipeline: unknown): boolean {
  const last: unknown = Array.isArray(pipeline) ? pipeline[pipeline.length - 1] : undefined;
  return typeof last === 'object' && last !== null && ('$out' in last || '$merge' in last);
}
