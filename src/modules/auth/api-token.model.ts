import mongoose, { Schema } from 'mongoose';
import { LIMITS } from '../../shared/limits.js';

/** An API token: shown once when created, stored as its SHA-256, acting as its user. */
const apiTokenSchema = new Schema({
  name: { type: String, required: true, maxlength: LIMITS.name },
  tokenHash: { type: String, required: true, unique: true },
  userId: { type: String, required: true },
  createdAt: { type: Date, required: true },
  createdBy: { type: String, required: true },
  revokedAt: { type: Date },
  lastUsedAt: { type: Date },
});

export const ApiToken = mongoose.model('ApiToken', apiTokenSchema);
