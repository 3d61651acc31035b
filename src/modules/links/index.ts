export { consumeLink, hashToken, issueLink, newToken, resolveLink, revokeLinks } from './link.service.js';
export type { IssuedLink } from './link.service.js';
