import mongoose, { Schema } from 'mongoose';

/**
 * A generated file (a programme PDF, a calendar) kept for reuse, in the database so every Foro process shares it. `_id` names
 * what it was made from (kind, event, programme version, language, and whatever else shapes it),
 * so a new version or an edited event simply asks for a new entry; old ones are deleted on publish.
 */
const generatedSchema = new Schema({
  _id: { type: String },
  eventId: { type: String, required: true },
  version: { type: Number, required: true },
  contentType: { type: String, required: true },
  data: { type: Buffer, required: true },
  createdAt: { type: Date, required: true },
});
generatedSchema.index({ eventId: 1, version: 1 });

export const GeneratedDocument = mongoose.model('GeneratedDocument', generatedSchema);
