export { sendChangeNotices } from './change-notices.js';
export { planChangeNotices, type PersonalChange } from './change-plan.js';
export { announcementRoutes, groupLabel } from './announcement.routes.js';
export { groupKeys, GROUP } from './announcement.groups.js';
export { sendAnnouncement, previewAnnouncement, listAnnouncements } from './announcement.service.js';
export { noticesWorkspace } from './notices.workspace.js';
