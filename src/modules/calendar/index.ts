export { calendarRoutes, type AttendanceLookup, type FileCache } from './calendar.routes.js';
export { buildCalendar, sessionUid, type CalendarOptions } from './calendar.build.js';
export { feedToken, personFeedPath } from './feeds.js';
export {
  assertPersonalToken,
  personalDownloads,
  rolesWithFeeds,
  type PersonalDownloads,
} from './person-feeds.js';
