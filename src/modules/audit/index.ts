export { diff, historyOf, recordChange, recordingTogether, HISTORY_SHOWN } from './audit.service.js';
export type { AuditRecord, Change, ChangeBatch } from './audit.service.js';
