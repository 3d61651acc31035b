export { builderRoutes } from './builder.routes.js';
export { sessionRoutes, type OnAssignmentConfirmed, type AgendaHooks } from './session.routes.js';
export { registerAgendaApi } from './agenda.api.js';
export { rolesOfPerson } from './person-roles.js';
export { createSession, getSession, listSessions, updateSession } from './session.service.js';
export {
  assignPerson,
  eventsOfAssignedPerson,
  eventsOfEveryoneAssigned,
  listAssignments,
  peopleInRole,
  updateAssignment,
} from './assignment.service.js';
export { checkProgramme, type Warning } from './checks.js';
export { loadWorkingProgramme, checksOf, type WorkingProgramme } from './programme.service.js';
export { describeWarning } from './agenda.presenters.js';
export type { SessionView, AssignmentView } from './agenda.views.js';
export type { SessionInput, AssignmentInput } from './agenda.schemas.js';
export { ASSIGNMENT_ROLES, ASSIGNMENT_STATUSES, type AssignmentRole } from './assignment.model.js';
