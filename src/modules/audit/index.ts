export { diff, historyOf, recordChange, recordingTogether, HISTORY_SHOWN } from './audit.service.js';
export type { AuditRecord, Change, ChangeBatch } from './audit.service.js';
export {
  AUDIT_ACTIONS,
  describeHistory,
  peopleNamedIn,
  sentenceKey,
  type HistoryLine,
} from './history.lines.js';
export type { HistoryWords } from './history.values.js';
