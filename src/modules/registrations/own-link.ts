import type { Clock } from '../../shared/clock.js';
import { absentIfNotFound, LinkNotFoundError } from '../../shared/errors.js';
import { openLink } from '../links/index.js';
import { REGISTRATION_LINK } from './registration.mail.js';
import { getRegistration } from './registration.service.js';
import type { RegistrationView } from './registration.views.js';

/**
 * The one lookup of a registrant's private link (their page, their certificate): the
 * registration it opens, or 404 for a link that leads nowhere. A database failure stays an error.
 */
export async function ownRegistration(token: string, clock: Clock): Promise<RegistrationView> {
  const link = await openLink(token, REGISTRATION_LINK, clock);
  const registration = await getRegistration(link.subject).catch(absentIfNotFound);
  if (!registration) throw new LinkNotFoundError();
  return registration;
}
