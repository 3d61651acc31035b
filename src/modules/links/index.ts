export {
  consumeLink,
  hashToken,
  issueLink,
  newToken,
  openLink,
  revokeLinks,
  revokeToken,
} from './link.service.js';
export type { IssuedLink } from './link.service.js';
export { afterEvent, endOfDay, MIN_LINK_DAYS, startOfDay, validityUntil } from './validity.js';
