import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small reverse proxy, as production puts in front of several Foro processes: each request
 * goes to the next backend in turn, with X-Forwarded-For and X-Forwarded-Proto set.
 */
export interface HttpProxy {
  url: string;
  /** How many requests each backend received. */
  served: number[];
  close(): Promise<void>;
}

export async function startHttpProxy(backends: string[]): Promise<HttpProxy> {
  const served = backends.map(() => 0);
  let next = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const index = next++ % backends.length;
    served[index]! += 1;
    const target = new URL(incoming.url ?? '/', backends[index]);
    const upstream = request(
      target,
      {
        method: incoming.method,
        headers: {
          ...incoming.headers,
          'x-forwarded-for': incoming.socket.remoteAddress ?? '',
          'x-forwarded-proto': 'http',
        },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
