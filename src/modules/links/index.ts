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
