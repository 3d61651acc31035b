import type { PersonView } from '../../people/index.js';
import { peopleOf } from './listing.js';
import { listRegistrations, registrationsPage } from '../registration.service.js';
import type { RegistrationView } from '../registration.views.js';

/** A confirmed registration with its person. */
export interface Participant {
  registration: RegistrationView;
  person: PersonView;
}

/** Who a list shows: the public sees confirmed people who agreed to be listed; organizers see every confirmed one. */
export type ListAudience = 'public' | 'organizers';

/** The confirmed participants of an event as one audience may see them, each with their person. */
export async function confirmedParticipants(eventId: string, audience: ListAudience): Promise<Participant[]> {
  const confirmed = (await listRegistrations(eventId, { status: 'confirmed' })).filter(
    (r) => audience === 'organizers' || r.consentToList,
  );
  const people = await peopleOf(confirmed);
  return confirmed.flatMap((registration) => {
    const person = people.get(registration.personId);
    return person ? [{ registration, person }] : [];
  });
}

export const PARTICIPANTS_PAGE = 100;

/** One page of the participants an audience may see, in order of registration, each with their person. */
export async function participantsPage(
  eventId: string,
  audience: ListAudience,
  at: { after?: string | undefined; before?: string | undefined },
): Promise<{ participants: Participant[]; next?: string; previous?: string }> {
  const { registrations, ...page } = await registrationsPage(
    eventId,
    { status: 'confirmed', ...(audience === 'public' && { consentToList: true }) },
    at,
    PARTICIPANTS_PAGE,
  );
  const people = await peopleOf(registrations);
  return {
    participants: registrations.flatMap((registration) => {
      const person = people.get(registration.personId);
      return person ? [{ registration, person }] : [];
    }),
    ...(page.next && { next: page.next }),
    ...(page.previous && { previous: page.previous }),
  };
}
