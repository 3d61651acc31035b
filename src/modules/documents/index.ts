export { workerPdfRenderer, type PdfRenderer } from './render/renderer.js';
export type { RenderJob } from './render/jobs.js';
export { documentLanguage, programmeDocumentRoutes, sendPdf } from './programme-pdf/programme.routes.js';
export type { ListLayout } from './pdf/list.layout.js';
export {
  personalProgrammePdf,
  prepareProgrammePdfs,
  programmePdf,
  type DocumentDeps,
  type SpeakerPlacesLookup,
} from './programme-pdf/programme.service.js';
export { programmeLayout } from './programme-pdf/programme.document.js';
export { cachedFile } from './document.cache.js';
export { participantDocumentRoutes } from './participants/participants.routes.js';
export { checkInRoutes } from './checkin/checkin.routes.js';
export { checkInRegistration, hasAttended, recountPresence } from './checkin/checkin.service.js';
export { recountLetters } from './letters/recipients.js';
export { letterRoutes } from './letters/letters.routes.js';
export { documentsWorkspace } from './documents.workspace.js';
export { downloadRoutes } from './downloads/downloads.routes.js';
export type { PlatesLayout, SeatingLayout } from './seating/seating.layout.js';
export type { OutcomeLayout } from './outcome-pdf/outcome.layout.js';
export { renderOutcomePdf } from './outcome-pdf/outcome.pdf.js';
