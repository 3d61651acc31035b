import { parentPort } from 'node:worker_threads';
import { renderJob, type RenderJob } from './jobs.js';

/** A worker thread of the PDF renderer: one job at a time, answered by id. */
parentPort?.on('message', async ({ id, job }: { id: number; job: RenderJob }) => {
  try {
    const pdf = await renderJob(job);
    // Only a buffer that owns its whole memory can be transferred (small ones share a pool).
    const bytes =
      pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength
        ? new Uint8Array(pdf.buffer)
        : new Uint8Array(pdf);
    parentPort!.postMessage({ id, pdf: bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

// Modules are loaded: the pool may now hand out work (start-up is not counted in a job's time limit).
parentPort?.postMessage({ ready: true });
