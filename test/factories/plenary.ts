import { createSession } from '../../src/modules/agenda/index.js';
import type { EventView } from '../../src/modules/events/index.js';
import { issueLink } from '../../src/modules/links/index.js';
import { Delegation } from '../../src/modules/registrations/delegations/delegation.model.js';
import { NOMINATION_LINK } from '../../src/modules/registrations/index.js';
import type { Actor } from '../../src/shared/actor.js';
import { settableClock } from '../../src/shared/clock.js';
import { browserAgent, csrfTokenIn } from '../support/http.js';
import { createPublishedEvent } from './events.js';

const clock = settableClock('2008-01-01T00:00:00Z');

/** A published forum of the given states with its opening plenary on 10 April 2008, 09:00–12:00 in Cuenca. */
export async function createPlenary(actor: Actor, countries: string[]) {
  const event = await createPublishedEvent({ countries }, actor);
  const session = await createSession(
    event,
    {
      type: 'plenary',
      title: { es: 'Plenario de apertura', pt: 'Plenária de abertura', en: 'Opening plenary' },
      date: '2008-04-10',
      start: '09:00',
      end: '12:00',
      roomId: event.rooms[0]!.id,
      status: 'scheduled',
    },
    actor,
    clock,
  );
  return { event, session };
}

/**
 * A country's delegation with its focal point's nomination link (as if invited), and the focal
 * point's browser; `name` adds a member through the link as the focal point does.
 */
export async function delegationOf(url: string, event: EventView, country: string) {
  const created = await Delegation.create({
    eventId: event.id,
    country,
    contactId: '0'.repeat(24),
    quota: 5,
    invitedAt: new Date('2008-03-01T00:00:00Z'),
    invitedBy: 'test',
  });
  const { token } = await issueLink(
    { purpose: NOMINATION_LINK, subject: String(created._id), validForMs: 365 * 86_400_000 },
    clock,
  );
  const focal = browserAgent(url);
  const csrf = csrfTokenIn((await focal.get(`/nominations/${token}`)).text);
  const name = async (givenName: string, familyName: string, role = 'member') => {
    const sent = await focal
      .post(`/nominations/${token}/members`)
      .type('form')
      .send({
        _csrf: csrf,
        givenName,
        familyName,
        email: `${givenName}.${familyName}.${country}@gob.example`
          .normalize('NFD')
          .replace(/[^\x20-\x7e]/g, '')
          .toLowerCase(),
        role,
        language: 'es',
      });
    if (sent.status !== 303) throw new Error(`naming a member: ${sent.status} ${sent.text.slice(0, 400)}`);
  };
  return { id: String(created._id), token, focal, csrf, name };
}
