import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DocumentTimeoutError, ServiceUnavailableError } from '../../../shared/errors.js';
import type { Logger } from '../../../shared/logger.js';
import type { RenderJob } from './jobs.js';

/** Draws PDFs off the request thread: pdfkit's layout is synchronous and can take seconds. */
export interface PdfRenderer {
  render(job: RenderJob): Promise<Buffer>;
  close(): Promise<void>;
}

interface Pending {
  id: number;
  job: RenderJob;
  resolve(pdf: Buffer): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  busy?: { pending: Pending; timer: NodeJS.Timeout };
}

// The worker runs the same kind of file as this one: .js once built; .ts under tsx (development,
// tests), where the worker must register tsx itself because Node 20 does not pass loaders on.
const workerFile = new URL(`./render.worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
const startWorker = (): Worker =>
  workerFile.pathname.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(workerFile.href)}); });`,
        { eval: true },
      )
    : new Worker(workerFile);

/**
 * A small pool of worker threads, each drawing one PDF at a time; jobs wait their turn in order.
 * A job past the time limit is abandoned: its thread is terminated (the only way to stop a
 * synchronous layout) and replaced, and the caller gets a DocumentTimeoutError.
 */
export function workerPdfRenderer(options: {
  workers: number;
  timeLimitMs: number;
  logger: Logger;
  /** Jobs that may wait; beyond them a request is refused (503) rather than left hanging. */
  maxQueue?: number;
}): PdfRenderer {
  const maxQueue = options.maxQueue ?? 100;
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  const finish = (slot: Slot) => {
    if (slot.busy) clearTimeout(slot.busy.timer);
    slot.busy = undefined;
    // An idle thread does not keep the process alive; a busy one does, until its answer arrives.
    slot.worker.unref();
    dispatch();
  };

  const spawn = (): Slot => {
    const slot: Slot = { worker: startWorker(), ready: false };
    slot.worker.on(
      'message',
      (message: { ready?: boolean; id: number; pdf?: Uint8Array; error?: string }) => {
        if (message.ready) {
          slot.ready = true;
          dispatch();
          if (!slot.busy) slot.worker.unref();
          return;
        }
        const pending = slot.busy?.pending;
        if (!pending || pending.id !== message.id) return;
        finish(slot);
        if (message.pdf)
          pending.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
        else pending.reject(new Error(`PDF rendering failed: ${message.error}`));
      },
    );
    slot.worker.on('error', (error) => {
      options.logger.error({ err: error }, 'PDF worker failed');
      // A thread that cannot even start would fail again: the waiting jobs fail instead of looping.
      if (!slot.ready) for (const pending of queue.splice(0)) pending.reject(error);
      replace(slot, error);
    });
    // A thread is only spawned for waiting work, so it keeps the process alive while it starts.
    return slot;
  };

  const replace = (slot: Slot, error: Error) => {
    const pending = slot.busy?.pending;
    if (slot.busy) clearTimeout(slot.busy.timer);
    slot.busy = undefined;
    void slot.worker.terminate();
    slots.splice(slots.indexOf(slot), 1);
    pending?.reject(error);
    dispatch();
  };

  function dispatch(): void {
    while (!closed && queue.length > 0) {
      const slot = slots.find((s) => s.ready && !s.busy);
      if (!slot) {
        if (slots.length < options.workers) slots.push(spawn());
        return;
      }
      const pending = queue.shift()!;
      const timer = setTimeout(() => {
        options.logger.warn(
          { kind: pending.job.kind, limitMs: options.timeLimitMs },
          'PDF rendering abandoned',
        );
        replace(slot, new DocumentTimeoutError());
      }, options.timeLimitMs);
      slot.busy = { pending, timer };
      slot.worker.ref();
      slot.worker.postMessage({ id: pending.id, job: pending.job });
    }
  }

  return {
    render(job) {
      if (closed) return Promise.reject(new Error('The PDF renderer is closed'));
      if (queue.length >= maxQueue) return Promise.reject(new ServiceUnavailableError('PDF queue full'));
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ id: nextId++, job, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error('The PDF renderer is closed'));
      await Promise.all(
        slots.splice(0).map((slot) => {
          if (slot.busy) {
            clearTimeout(slot.busy.timer);
            slot.busy.pending.reject(new Error('The PDF renderer is closed'));
          }
          return slot.worker.terminate();
        }),
      );
    },
  };
}
