export { diff, historyOf, recordChange, HISTORY_SHOWN } from './audit.service.js';
export type { AuditRecord, Change } from './audit.service.js';
