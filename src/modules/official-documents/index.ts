export { documentAdminRoutes, type OfficialDocumentDeps } from './document.routes.js';
export { documentPublicRoutes } from './public.routes.js';
export { officialDocumentsWorkspace } from './documents.workspace.js';
export { sessionDocuments, listDocuments } from './document.list.js';
export { registerDocument, addLanguageVersion, updateDocument, findBySymbol } from './document.service.js';
export { OfficialDocument, DocumentFile, DocumentChunk } from './document.model.js';
export { documentListPdf, documentListLayout, type ListPdfDeps } from './document.outputs.js';
export { registerDocumentsApi } from './documents.api.js';
export { submissionRoutes } from './submission.routes.js';
