import mongoose, { Schema } from 'mongoose';
import { LIMITS } from '../../../shared/limits.js';

export const ASSIGNMENT_ROLES = ['chair', 'moderator', 'speaker', 'commentator', 'rapporteur'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
export const ASSIGNMENT_STATUSES = ['proposed', 'invited', 'confirmed', 'declined', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
/** The statuses that hold a place in the programme (and count in the checks). */
export const ACTIVE_STATUSES: readonly AssignmentStatus[] = ['proposed', 'invited', 'confirmed'];

/**
 * A person's role in one session. A document of its own, apart from the session, so people
 * confirming and organizers editing the session never overwrite each other.
 */
const assignmentSchema = new Schema(
  {
    eventId: { type: String, required: true, index: true },
    sessionId: { type: String, required: true, index: true },
    personId: { type: String, required: true, index: true },
    role: { type: String, required: true, enum: ASSIGNMENT_ROLES },
    order: { type: Number, required: true, default: 0 },
    status: { type: String, required: true, enum: ASSIGNMENT_STATUSES, default: 'proposed' },
    respondedAt: { type: Date },
    message: { type: String, maxlength: LIMITS.note },
  },
  { timestamps: true },
);
assignmentSchema.index({ sessionId: 1, personId: 1, role: 1 }, { unique: true });

export type AssignmentFields = mongoose.InferSchemaType<typeof assignmentSchema>;
export const Assignment = mongoose.model('Assignment', assignmentSchema);
