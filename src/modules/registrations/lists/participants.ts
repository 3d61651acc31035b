import { getPeople, type PersonView } from '../../people/index.js';
import { listRegistrations } from '../registration.service.js';
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
  const people = new Map((await getPeople(confirmed.map((r) => r.personId))).map((p) => [p.id, p]));
  return confirmed.flatMap((registration) => {
    const person = people.get(registration.personId);
    return person ? [{ registration, person }] : [];
  });
}
