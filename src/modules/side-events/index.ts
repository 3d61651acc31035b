export { sideEventPublicRoutes } from './public.routes.js';
export { registerSideEventsApi } from './side-events.api.js';
export { sideEventReviewRoutes } from './review.routes.js';
export { sideEventsWorkspace } from './side-events.workspace.js';
export {
  addSlots,
  dateOlderSlots,
  nextFreeSlots,
  slotDate,
  slotOf,
  OfferedSlot,
  slotLabel,
  slotsOf,
  bySlotTime,
  type Slot,
  type SlotRange,
} from './slots.js';
export { slotMailFields } from './side-events.mail.js';
export { SideEventProposal, SideEventSlotHold } from './proposal.model.js';
export { numberOlderProposals } from './proposal.list.js';
export { acceptProposal } from './review.service.js';
export { getCall, offerSideEventSlots, offerSlots, saveCallSettings } from './call.service.js';
export { submitProposal } from './proposal.service.js';
export { decideProposal } from './review.service.js';
export { callSettingsInput, proposalInput } from './side-events.schemas.js';
