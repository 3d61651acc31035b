import { renderBadgesPdf } from '../badges/badges.pdf.js';
import type { BadgesLayout } from '../badges/badges.layout.js';
import type { LettersLayout } from '../letters/letters.layout.js';
import { renderLettersPdf } from '../letters/letters.pdf.js';
import type { ListLayout } from '../pdf/list.layout.js';
import { renderListPdf } from '../pdf/list.pdf.js';
import type { OutcomeLayout } from '../outcome-pdf/outcome.layout.js';
import { renderOutcomePdf } from '../outcome-pdf/outcome.pdf.js';
import type { ProgrammeLayout } from '../programme-pdf/programme.layout.js';
import { renderProgrammePdf } from '../programme-pdf/programme.pdf.js';
import type { PlatesLayout, SeatingLayout } from '../seating/seating.layout.js';
import { renderPlatesPdf, renderSeatingPdf } from '../seating/seating.pdf.js';

/** Everything a worker thread can be asked to draw: plain data in, PDF bytes out. */
export type RenderJob =
  | { kind: 'programme'; layout: ProgrammeLayout }
  | { kind: 'list'; layout: ListLayout }
  | { kind: 'badges'; layout: BadgesLayout }
  | { kind: 'letters'; layout: LettersLayout }
  | { kind: 'seating'; layout: SeatingLayout }
  | { kind: 'plates'; layout: PlatesLayout }
  | { kind: 'outcome'; layout: OutcomeLayout };

export function renderJob(job: RenderJob): Promise<Buffer> {
  switch (job.kind) {
    case 'programme':
      return renderProgrammePdf(job.layout);
    case 'list':
      return renderListPdf(job.layout);
    case 'badges':
      return renderBadgesPdf(job.layout);
    case 'letters':
      return renderLettersPdf(job.layout);
    case 'seating':
      return renderSeatingPdf(job.layout);
    case 'plates':
      return renderPlatesPdf(job.layout);
    case 'outcome':
      return renderOutcomePdf(job.layout);
  }
}
