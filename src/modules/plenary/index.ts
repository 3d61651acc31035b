export { speakersAdminRoutes } from './speakers-list/speakers.routes.js';
export { speakersFocalRoutes } from './speakers-list/focal.routes.js';
export { speakersPublicRoutes } from './speakers-list/public.routes.js';
export { floorRoutes } from './floor/floor.routes.js';
export { registerPlenaryApi } from './plenary.api.js';
export { plenaryWorkspace } from './plenary.workspace.js';
export type { PlenaryDeps } from './speakers-list/speakers.service.js';
export { credentialsRoutes } from './credentials/credentials.routes.js';
export { credentialsFocalRoutes } from './credentials/focal.routes.js';
export { credentialStatuses } from './credentials/credentials.service.js';
export { seatingRoutes } from './seating/seating.routes.js';
export { plenaryInscriptions, publishedListSessions } from './speakers-list/inscriptions.js';
export { speakerPlaces, type SpeakerPlace } from './speakers-list/places.js';
export {
  inscribeForDelegation,
  inscribeFromDirectory,
  publishSpeakersList,
  saveSpeakersList,
} from './speakers-list/speakers.service.js';
export { listOfSession } from './speakers-list/speakers.state.js';
export { listSettingsInput } from './speakers-list/speakers.schemas.js';
export { credentialsOf, recordCredentials } from './credentials/credentials.service.js';
export { drawFirstState, planOf, savePlan } from './seating/seating.service.js';
