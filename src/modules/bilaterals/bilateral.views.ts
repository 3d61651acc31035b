import type { BilateralFields, BilateralLevel, BilateralState } from './bilateral.model.js';

export interface BilateralView {
  id: string;
  eventId: string;
  askingId: string;
  askedId: string;
  askingCountry: string;
  askedCountry: string;
  offeredSlots: string[];
  subject: string;
  level: BilateralLevel;
  state: BilateralState;
  stateAt: Date;
  slotId: string | undefined;
  sequence: number;
  requestedAt: Date;
}

export const toBilateralView = (b: BilateralFields & { _id: unknown }): BilateralView => ({
  id: String(b._id),
  eventId: b.eventId,
  askingId: b.askingId,
  askedId: b.askedId,
  askingCountry: b.askingCountry,
  askedCountry: b.askedCountry,
  offeredSlots: b.offeredSlots,
  subject: b.subject,
  level: b.level as BilateralLevel,
  state: b.state as BilateralState,
  stateAt: b.stateAt,
  slotId: b.slotId ?? undefined,
  sequence: b.sequence,
  requestedAt: b.requestedAt,
});
