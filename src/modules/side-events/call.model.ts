import mongoose, { Schema } from 'mongoose';

/**
 * An event's call for side events: when it is open (calendar dates in the event's zone), and the
 * rules the organizers chose; its slots are `OfferedSlot`s of kind `side-event`. One per event.
 */
const callSchema = new Schema({
  eventId: { type: String, required: true, unique: true },
  opensOn: { type: String, required: true },
  closesOn: { type: String, required: true },
  rules: {
    /** At least one organizer or co-organizer is the government of a member state. */
    memberStateOrganizer: { type: Boolean, default: false },
    /** At most this many proposals per organization (lead or co-organizer); unset: no limit. */
    maxPerOrganization: { type: Number, min: 1, max: 100 },
  },
  updatedAt: { type: Date, required: true },
});

export const SideEventCall = mongoose.model('SideEventCall', callSchema);
