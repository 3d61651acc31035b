export { speakersAdminRoutes } from './speakers-list/speakers.routes.js';
export { speakersFocalRoutes } from './speakers-list/focal.routes.js';
export { speakersPublicRoutes } from './speakers-list/public.routes.js';
export { floorRoutes } from './floor/floor.routes.js';
export { registerPlenaryApi } from './plenary.api.js';
export { plenaryWorkspace } from './plenary.workspace.js';
export type { PlenaryDeps } from './speakers-list/speakers.service.js';
