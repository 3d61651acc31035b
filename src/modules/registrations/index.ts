export { registrationPublicRoutes } from './public.routes.js';
export { registrationAdminRoutes } from './admin.routes.js';
export { documentSeats, scopes, type SeatAllocator } from './places/seats.js';
export { submitRegistration } from './submission.js';
export { keyNamePairs, keyNamePairsOfSmallDatabase } from './lists/name-pairs.js';
export {
  decideRegistration,
  promoteWaiting,
  registrantsOf,
  getRegistration,
  registerProgrammeParticipant,
} from './registration.service.js';
export {
  Registration,
  CATEGORIES,
  DELEGATION_ROLES,
  PUBLIC_CATEGORIES,
  type Category,
} from './registration.model.js';
export {
  saveRegistrationRules,
  registrationRules,
  registrationWindowOf,
  type RegistrationWindow,
} from './places/settings.service.js';
export { changeRegistrationRules, settleCapacities, settleWorkshop } from './places/capacity.js';
export { delegationRoutes } from './delegations/delegation.routes.js';
export { delegationsOf, membersOf as delegationMembers } from './delegations/delegation.service.js';
export { coverageRoutes } from './coverage/coverage.routes.js';
export { purgeExpiredEvents, purgePersonalData } from './privacy/privacy.service.js';
export { completeUnfinishedRegistrations, markUnfinishedSubmissions } from './completion.js';
export { inviteNomination, getDelegation, type DelegationView } from './delegations/delegation.service.js';
export { NOMINATION_LINK, focalLanguage } from './delegations/nomination.mail.js';
export { delegationOfLink } from './delegations/nomination-link.js';
export { focalActor, nominate, submitNomination } from './delegations/nomination.service.js';
export { attendanceOf } from './places/workshops.js';
export { PassportData } from './registration.model.js';
export {
  organizationsOf,
  participantsPart,
  type ListAudience,
  type Participant,
  type Placed,
} from './lists/participants.js';
export { peopleEvents } from './lists/people-events.js';
export { copyListings, refreshListings, registrationsByName } from './lists/listing.js';
export { ownRegistration } from './own-link.js';
export { sendNote as sendOfficialNote } from './delegations/nomination.routes.js';
export { numberOlderRegistrations } from './lists/numbering.js';
export { recountLargeEvents } from './lists/figures.js';
export { isLarge } from './lists/size.js';
export { countOf, registrationFigures } from './lists/figures.js';
export { registerRegistrationsApi } from './registrations.api.js';
export { registrationsWorkspace } from './registrations.workspace.js';
