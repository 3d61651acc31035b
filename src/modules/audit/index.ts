export { diff, historyOf, recordChange, recordingTogether, HISTORY_SHOWN } from './audit.service.js';
export type { AuditRecord, Change } from './audit.service.js';
