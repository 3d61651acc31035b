import mongoose, { Schema } from 'mongoose';

/** One state change: who, when, what, on which record. Written once, never updated. */
const auditSchema = new Schema({
  at: { type: Date, required: true },
  action: { type: String, required: true },
  subjectType: { type: String, required: true },
  subjectId: { type: String, required: true },
  actor: {
    userId: { type: String },
    label: { type: String, required: true },
    via: { type: String, required: true },
  },
  changes: [{ _id: false, field: String, from: Schema.Types.Mixed, to: Schema.Types.Mixed }],
});
auditSchema.index({ subjectType: 1, subjectId: 1, at: -1 });

export const AuditEntry = mongoose.model('AuditEntry', auditSchema);
