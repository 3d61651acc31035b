import type { ProgrammeLayout } from '../programme/programme.layout.js';
import { renderProgrammePdf } from '../programme/programme.pdf.js';

/** Everything a worker thread can be asked to draw: plain data in, PDF bytes out. */
export type RenderJob = { kind: 'programme'; layout: ProgrammeLayout };

export function renderJob(job: RenderJob): Promise<Buffer> {
  switch (job.kind) {
    case 'programme':
      return renderProgrammePdf(job.layout);
  }
}
