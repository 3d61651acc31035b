export { sendChangeNotices } from './change-notices.js';
export { planChangeNotices, type PersonalChange } from './change-plan.js';
