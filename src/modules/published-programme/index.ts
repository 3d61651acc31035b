export { programmeAdminRoutes, programmePublicRoutes } from './programme.routes.js';
export {
  draftNextVersion,
  getVersion,
  latestVersion,
  latestVersionNumber,
  listVersions,
  publishProgramme,
  type OnPublished,
  type Version,
} from './publish.service.js';
export type { Snapshot, SnapshotPerson, SnapshotSession } from './snapshot.js';
export { snapshotEvent } from './snapshot.js';
export type { SessionChange } from './changelog.js';
export { registerProgrammeApi } from './programme.api.js';
export {
  personalSessions,
  SESSIONS_FOR_EVERYONE,
  type Attendance,
  type PersonalSession,
} from './personal.js';
export { programmeDays, type ProgrammeDay } from './programme.presenter.js';
export { programmeWorkspace } from './programme.workspace.js';
