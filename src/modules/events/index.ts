export { eventAdminRoutes } from './event.routes.js';
export { eventPublicRoutes } from './public.routes.js';
export { registerEventsApi } from './events.api.js';
export {
  createEvent,
  getEvent,
  getPublicEvent,
  listEvents,
  timeZonesOf,
  setEventStatus,
  addRoom,
  updateInvitationSettings,
  eventSender,
} from './event.service.js';
export { addTeamMember, assertCanEditEvent, canEditEvent, teamOf, teamToNotify } from './team.service.js';
export { Event } from './event.model.js';
export {
  eventPage,
  languageOf,
  localized,
  type EventSender,
  type EventView,
  type RoomView,
  type InvitationSettings,
} from './event.views.js';
export type { CreateEventInput, RoomInput } from './event.schemas.js';
export { invitationSettingsInput } from './event.schemas.js';
export { eventOf, eventWithPermissions, historyLines, keepEventForPage } from './event.access.js';
export { policy, ROUTES, type Permissions, type Reader, type RouteRule } from './policy.js';
export { routeAccess } from './route-access.js';
export { eventsWorkspace } from './events.workspace.js';
