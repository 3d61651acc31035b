export { diff, historyOf, recordChange } from './audit.service.js';
export type { AuditRecord, Change } from './audit.service.js';
