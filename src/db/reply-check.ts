import { driverConnectionPrototype, type WireConnection, type WireRequest } from './driver-hooks.js';

/**
 * A reply read on a pooled connection must answer the request just written on it. The MongoDB
 * driver (7.8) takes the next message on the socket as the reply without comparing its
 * `responseTo` with the request's id, so once a connection holds one reply too many (a server
 * answering a request that expects none, or any other slip) every later operation on it would
 * read the answer meant for the one before: another query's data, shown to the wrong person.
 * This check compares the ids; on a mismatch it closes that connection (the pool replaces it) and
 * fails the operation with `StaleReplyError`, which the web answers with 503.
 */
export class StaleReplyError extends Error {
  override name = 'StaleReplyError';
}

export interface Mismatch {
  command: string;
  /** The commands sent before it on the same connection, oldest first (the likely culprit is there). */
  before: string[];
  requestId: number;
  responseTo: number;
  connection: string;
}

type CheckedConnection = WireConnection & {
  [EXPECTED]?: { requestId: number; command: string };
  [HISTORY]?: string[];
};

const EXPECTED = Symbol('foro.expectedReply');
const HISTORY = Symbol('foro.commandHistory');
let installed: ((mismatch: Mismatch) => void) | undefined;

/** Installs the check once per process; `onMismatch` hears of each connection closed by it. */
export function checkRepliesMatchRequests(onMismatch: (mismatch: Mismatch) => void): void {
  if (installed) {
    installed = onMismatch;
    return;
  }
  installed = onMismatch;
  const prototype = driverConnectionPrototype() as CheckedConnection;
  const writeCommand = prototype.writeCommand;
  const readMany = prototype.readMany;

  prototype.writeCommand = function (this: CheckedConnection, request, options) {
    const command = Object.keys(request.command ?? {})[0] ?? '?';
    const history = (this[HISTORY] ??= []);
    history.push(request.moreToCome ? `${command} (no reply expected)` : command);
    if (history.length > 4) history.shift();
    if (request.moreToCome) return writeAndClose(this, request, options, command);
    this[EXPECTED] = { requestId: request.requestId, command };
    return writeCommand.call(this, request, options);
  };

  /**
   * A request that asks for no reply (`w: 0` writes, `endSessions`) is answered anyway by
   * FerretDB, and that answer would be read as the reply to the next request on the connection.
   * The stale replies seen at scale came from this: connect-mongo's interval sweep of expired
   * sessions is a `w: 0` delete, sent every ten minutes on Foro's pool. Closing the connection
   * once the request is written drops the unwanted answer with it; the pool opens a new one.
   */
  async function writeAndClose(
    connection: CheckedConnection,
    request: WireRequest,
    options: unknown,
    command: string,
  ): Promise<void> {
    await writeCommand.call(connection, request, options);
    connection.onError(new StaleReplyError(`${command} asked for no reply; its connection is closed`));
  }

  prototype.readMany = async function* (this: CheckedConnection, options) {
    for await (const response of readMany.call(this, options)) {
      const expected = this[EXPECTED];
      if (expected && response.responseTo !== expected.requestId) {
        const mismatch = {
          command: expected.command,
          before: (this[HISTORY] ?? []).slice(0, -1),
          requestId: expected.requestId,
          responseTo: response.responseTo,
          connection: `${this.address}#${this.id}`,
        };
        const error = new StaleReplyError(
          `the reply on connection ${mismatch.connection} answers request ${mismatch.responseTo}, not ${mismatch.command} (${mismatch.requestId}); connection closed`,
        );
        this.onError(error);
        installed?.(mismatch);
        throw error;
      }
      // A streamed reply (moreToCome, as server monitoring uses) is answered by the next one.
      if (expected && response.moreToCome) expected.requestId = response.requestId;
      yield response;
    }
  };
}
