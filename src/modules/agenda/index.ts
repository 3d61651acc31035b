export { builderRoutes } from './builder/builder.routes.js';
export { sessionRoutes } from './sessions/session.routes.js';
export type { OnAssignmentConfirmed, AgendaHooks } from './agenda.hooks.js';
export { registerAgendaApi } from './agenda.api.js';
export { rolesOfPerson } from './assignments/person-roles.js';
export { createSession, getSession, listSessions, updateSession } from './sessions/session.service.js';
export {
  assignPerson,
  eventsOfAssignedPerson,
  eventsOfEveryoneAssigned,
  listAssignments,
  peopleInRole,
  updateAssignment,
} from './assignments/assignment.service.js';
export { checkProgramme, type Warning } from './working-programme/checks.js';
export {
  loadWorkingProgramme,
  checksOf,
  type WorkingProgramme,
} from './working-programme/working-programme.service.js';
export { describeWarning } from './agenda.presenters.js';
export type { SessionView, AssignmentView } from './agenda.views.js';
export type { SessionInput, AssignmentInput } from './agenda.schemas.js';
export {
  ASSIGNMENT_ROLES,
  ASSIGNMENT_STATUSES,
  type AssignmentRole,
} from './assignments/assignment.model.js';
export { agendaWorkspace } from './agenda.workspace.js';
