import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';

const { BSON } = mongoose.mongo;
const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;

export interface Request {
  requestId: number;
  command: Record<string, unknown>;
}

/** What to answer: the reply document and which request it claims to answer. */
export type Answer = (
  request: Request,
  previous: Request | undefined,
) => { reply: object; responseTo: number };

export interface FakeMongo {
  uri: string;
  /** Connections the client has closed (or the server saw end). */
  closed: number;
  commands: string[];
  stop(): Promise<void>;
}

/**
 * A MongoDB wire-protocol server in a few lines: answers the driver's handshake like a MongoDB 7
 * standalone, and every other command as `answer` decides, so a test can send a reply that does
 * not belong to its request.
 */
export async function startFakeMongo(answer: Answer): Promise<FakeMongo> {
  const state = { closed: 0, commands: [] as string[] };
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const connectionId = ++connections;
    let buffer = Buffer.alloc(0);
    let previous: Request | undefined;
    socket.on('close', () => {
      state.closed += 1;
      sockets.delete(socket);
    });
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 4 && buffer.length >= buffer.readInt32LE(0)) {
        const length = buffer.readInt32LE(0);
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        const request = parse(message);
        const name = Object.keys(request.command)[0] ?? '?';
        if (request.opCode === OP_QUERY || name === 'hello' || name === 'isMaster' || name === 'ismaster') {
          socket.write(encode(request.opCode, hello(connectionId), request.requestId));
          continue;
        }
        state.commands.push(name);
        const { reply, responseTo } = answer(request, previous);
        previous = request;
        socket.write(encode(OP_MSG, reply, responseTo));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    uri: `mongodb://127.0.0.1:${port}/fake?directConnection=true`,
    get closed() {
      return state.closed;
    },
    commands: state.commands,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function hello(connectionId: number) {
  return {
    helloOk: true,
    isWritablePrimary: true,
    ismaster: true,
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    connectionId,
    minWireVersion: 0,
    maxWireVersion: 21,
    ok: 1,
  };
}

function parse(message: Buffer): Request & { opCode: number } {
  const requestId = message.readInt32LE(4);
  const opCode = message.readInt32LE(12);
  if (opCode === OP_QUERY) {
    let offset = 20;
    while (message[offset] !== 0) offset += 1; // the collection name, a C string
    offset += 1 + 8; // its end, numberToSkip, numberToReturn
    return { requestId, opCode, command: BSON.deserialize(message.subarray(offset)) };
  }
  // OP_MSG: flag bits, then sections; the command is the body section (kind 0).
  let offset = 20;
  while (offset < message.length) {
    const kind = message[offset]!;
    offset += 1;
    const size = message.readInt32LE(offset);
    if (kind === 0)
      return { requestId, opCode, command: BSON.deserialize(message.subarray(offset, offset + size)) };
    offset += size;
  }
  return { requestId, opCode, command: {} };
}

let nextId = 1;
function encode(requestOpCode: number, reply: object, responseTo: number): Buffer {
  const body = Buffer.from(BSON.serialize(reply));
  const header = Buffer.alloc(16);
  if (requestOpCode === OP_QUERY) {
    const prefix = Buffer.alloc(20); // flags, cursor id, starting from, number returned
    prefix.writeInt32LE(1, 16);
    header.writeInt32LE(16 + prefix.length + body.length, 0);
    header.writeInt32LE(nextId++, 4);
    header.writeInt32LE(responseTo, 8);
    header.writeInt32LE(OP_REPLY, 12);
    return Buffer.concat([header, prefix, body]);
  }
  const flags = Buffer.alloc(5); // flag bits 0, then section kind 0
  header.writeInt32LE(16 + flags.length + body.length, 0);
  header.writeInt32LE(nextId++, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(OP_MSG, 12);
  return Buffer.concat([header, flags, body]);
}
