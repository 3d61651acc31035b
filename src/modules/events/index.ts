export { eventAdminRoutes } from './event.routes.js';
export { eventPublicRoutes } from './public.routes.js';
export { registerEventsApi } from './events.api.js';
export {
  createEvent,
  getEvent,
  getPublicEvent,
  listEvents,
  setEventStatus,
  addRoom,
} from './event.service.js';
export { addTeamMember, assertCanEditEvent, canEditEvent } from './team.service.js';
export { Event } from './event.model.js';
export { localized, type EventView, type RoomView } from './event.views.js';
export type { CreateEventInput, RoomInput } from './event.schemas.js';
export { eventOf } from './event.access.js';
