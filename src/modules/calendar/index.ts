export { calendarRoutes } from './calendar.routes.js';
export { buildCalendar, sessionUid, type CalendarOptions } from './calendar.build.js';
export { feedToken, personFeedPath } from './feeds.js';
export { rolesWithFeeds } from './person-feeds.js';
