export { sendChangeNotices } from './change-notices.js';
export { planChangeNotices, type PersonalChange } from './change-plan.js';
export { announcementRoutes } from './announcement.routes.js';
export { sendAnnouncement, previewAnnouncement, listAnnouncements } from './announcement.service.js';
export { noticesWorkspace } from './notices.workspace.js';
