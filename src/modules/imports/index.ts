export { decodeUpload, readDraft, saveDraft, takeDraft } from './draft.service.js';
