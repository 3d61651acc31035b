export { programmeAdminRoutes, programmePublicRoutes } from './programme.routes.js';
export {
  draftNextVersion,
  getVersion,
  latestVersion,
  listVersions,
  publishProgramme,
  type OnPublished,
  type Version,
} from './publish.service.js';
export type { Snapshot, SnapshotSession } from './snapshot.js';
export type { SessionChange } from './changelog.js';
export { registerProgrammeApi } from './programme.api.js';
