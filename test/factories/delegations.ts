import { NationalContact } from '../../src/modules/contacts/index.js';
import { Message } from '../../src/modules/messaging/index.js';
import { Delegation } from '../../src/modules/registrations/delegations/delegation.model.js';
import type { Language } from '../../src/shared/i18n/index.js';
import { csrfTokenIn, type browserAgent } from '../support/http.js';

type Agent = ReturnType<typeof browserAgent>;

/** The focal points of Peru and Ecuador as the forum's contacts list knew them. */
export const ROSA_QUISPE = { country: 'PE', name: 'Rosa Quispe', email: 'rosa@rree.pe.example' };
export const LUIS_VEGA = { country: 'EC', name: 'Luis Vega', email: 'luis@cancilleria.ec.example' };

/** A country's focal point in the national contacts; by default "Focal EC" at focal@ec.example. */
export async function createFocalPoint(
  country: string,
  language: Language = 'es',
  who: { name?: string; email?: string } = {},
) {
  const contact = await NationalContact.create({
    country,
    institution: 'foreign_affairs',
    type: 'focal_point',
    name: who.name ?? `Focal ${country}`,
    email: who.email ?? `focal@${country.toLowerCase()}.example`,
    language,
  });
  return { id: contact.id as string, country, email: contact.email! };
}

/**
 * Invites the contact's country to nominate a delegation, as an organizer does on the
 * delegations page, and reads the nomination link from the mail the focal point gets.
 */
export async function inviteDelegation(
  organizer: Agent,
  eventId: string,
  contact: { id: string; country: string; email: string },
  quota = 3,
) {
  const page = await organizer.get(`/admin/events/${eventId}/delegations`);
  const sent = await organizer
    .post(`/admin/events/${eventId}/delegations`)
    .type('form')
    .send({
      _csrf: csrfTokenIn(page.text),
      country: contact.country,
      contactId: contact.id,
      quota: String(quota),
    });
  if (sent.status !== 303)
    throw new Error(`inviting ${contact.country}: ${sent.status} ${sent.text.slice(0, 400)}`);
  const mail = await Message.findOne({
    'to.email': contact.email,
    template: 'registration.nomination',
  }).lean();
  const token = /\/nominations\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no nomination link mailed to ${contact.email}`);
  const delegation = await Delegation.findOne({ eventId, country: contact.country }).lean();
  return { token, delegationId: String(delegation!._id) };
}
