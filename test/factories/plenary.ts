import { createSession } from '../../src/modules/agenda/index.js';
import type { EventView } from '../../src/modules/events/index.js';
import { issueLink } from '../../src/modules/links/index.js';
import { publishProgramme } from '../../src/modules/published-programme/index.js';
import { Delegation } from '../../src/modules/registrations/delegations/delegation.model.js';
import { NOMINATION_LINK, Registration } from '../../src/modules/registrations/index.js';
import type { Actor } from '../../src/shared/actor.js';
import { settableClock, type Clock } from '../../src/shared/clock.js';
import { browserAgent, csrfTokenIn, type signedInAs } from '../support/http.js';
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

/** A state whose focal point inscribes its head of delegation, and the level they speak at. */
export type Inscription = readonly [country: string, level: string];

/**
 * The plenary as organizers and focal points set it up through the pages: a forum of the states
 * inscribed, its opening plenary, a list opened by the organizer (one per delegation, 5 minutes,
 * open 31 March to 9 April 2008, `headMinutes` for heads if given), and each state's head of
 * delegation (Ana Jefa<country>) inscribed by its focal point, in the order given. The list is
 * published only when asked; so is the programme, on the test's clock, before the list is opened.
 */
export async function inscribedPlenary(
  foro: { url: string; clock: Clock },
  organizer: Awaited<ReturnType<typeof signedInAs>>,
  inscriptions: Inscription[],
  options: { headMinutes?: number; publish?: boolean; programmePublished?: boolean } = {},
) {
  const { event, session } = await createPlenary(
    organizer.actor,
    inscriptions.map(([country]) => country),
  );
  if (options.programmePublished) await publishProgramme(event, organizer.actor, foro.clock);
  const listPage = `/admin/events/${event.id}/sessions/${session.id}/speakers`;
  const csrf = csrfTokenIn((await organizer.agent.get(listPage)).text);
  const post = (path: string, fields: Record<string, string>) =>
    organizer.agent
      .post(`${listPage}${path}`)
      .type('form')
      .send({ _csrf: csrf, ...fields });
  const opened = await post('', {
    opensDate: '2008-03-31',
    opensTime: '08:00',
    closesDate: '2008-04-09',
    closesTime: '18:00',
    minutes: '5',
    ...(options.headMinutes && { headMinutes: String(options.headMinutes) }),
    onePerDelegation: 'yes',
    moveNotice: '3',
  });
  if (opened.status !== 303)
    throw new Error(`opening the list: ${opened.status} ${opened.text.slice(0, 400)}`);
  const speakers: { country: string; personId: string; registrationId: string }[] = [];
  for (const [country, level] of inscriptions) {
    const d = await delegationOf(foro.url, event, country);
    await d.name('Ana', `Jefa${country}`, 'head');
    const member = (await Registration.findOne({ delegationId: d.id }).lean())!;
    const sent = await d.focal
      .post(`/nominations/${d.token}/speakers/${session.id}`)
      .type('form')
      .send({ _csrf: d.csrf, speaker: member.personId, level, language: 'es' });
    if (sent.status !== 303)
      throw new Error(`inscribing ${country}: ${sent.status} ${sent.text.slice(0, 400)}`);
    speakers.push({ country, personId: member.personId, registrationId: String(member._id) });
  }
  if (options.publish) {
    const published = await post('/publish', {});
    if (published.status !== 303) throw new Error(`publishing the list: ${published.status}`);
  }
  return { event, session, listPage, csrf, post, speakers };
}
