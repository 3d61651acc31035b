import mongoose, { Schema } from 'mongoose';
import { LANGUAGES } from '../../../shared/i18n/index.js';

/** A room's seating plan: seats per delegation (head plus N), the plates' language, frozen or not. */
const planSchema = new Schema({
  eventId: { type: String, required: true },
  roomId: { type: String, required: true },
  extraSeats: { type: Number, required: true, min: 0, max: 20 },
  language: { type: String, required: true, enum: LANGUAGES },
  frozenAt: { type: Date },
  frozenBy: { type: String },
});
planSchema.index({ eventId: 1, roomId: 1 }, { unique: true });

export const SeatingPlan = mongoose.model('SeatingPlan', planSchema, 'seating_plans');

/**
 * One draw by lot of the state that sits first. Draws are numbered per plan against a unique
 * index: the latest counts, and of two drawing at once only one is recorded.
 */
const drawSchema = new Schema({
  planId: { type: String, required: true },
  n: { type: Number, required: true, min: 1 },
  country: { type: String, required: true, maxlength: 2 },
  drawnAt: { type: Date, required: true },
  drawnBy: { type: String, required: true },
});
drawSchema.index({ planId: 1, n: 1 }, { unique: true });

export const SeatingDraw = mongoose.model('SeatingDraw', drawSchema, 'seating_draws');
