import { assignPerson, createSession } from '../../src/modules/agenda/index.js';
import type { Actor } from '../../src/shared/actor.js';
import { settableClock } from '../../src/shared/clock.js';
import { createPublishedEvent } from './events.js';
import { PANEL } from './programme.js';
import { createTestPerson } from './people.js';

const clock = settableClock('2008-01-01T00:00:00Z');

/**
 * A published event with one scheduled panel (10 April 2008, 09:00–10:30 in Cuenca) and four
 * proposed people: a chair writing in Spanish, a speaker in Portuguese, a commentator in English
 * and a speaker with no email address.
 */
export async function createPanel(actor: Actor) {
  const event = await createPublishedEvent({}, actor);
  const session = await createSession(
    event,
    { ...PANEL, roomId: event.rooms[0]!.id, status: 'scheduled' },
    actor,
    clock,
  );
  const chair = await createTestPerson({
    honorific: 'Dra.',
    givenName: 'Alicia',
    familyName: 'Bárcena',
    email: 'alicia@cepal.example',
    phone: '+56 2 2210 2000',
    language: 'es',
  });
  const speaker = await createTestPerson({
    givenName: 'João',
    familyName: 'Silva',
    email: 'joao@itamaraty.example',
    language: 'pt',
  });
  const commentator = await createTestPerson({
    givenName: 'Mary',
    familyName: 'Smith',
    email: 'mary@iom.example',
    language: 'en',
  });
  const unreachable = await createTestPerson({ givenName: 'Sin', familyName: 'Correo', language: 'es' });
  const assign = (personId: string, role: 'chair' | 'speaker' | 'commentator') =>
    assignPerson(session, { personId, role }, actor, clock);
  const assignments = {
    chair: await assign(chair.id, 'chair'),
    speaker: await assign(speaker.id, 'speaker'),
    commentator: await assign(commentator.id, 'commentator'),
    unreachable: await assign(unreachable.id, 'speaker'),
  };
  return { event, session, people: { chair, speaker, commentator, unreachable }, assignments };
}

/** The private link token in an invitation mail's text. */
export function tokenIn(text: string): string {
  const match = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(text);
  if (!match?.[1]) throw new Error('No invitation link in the mail');
  return match[1];
}
