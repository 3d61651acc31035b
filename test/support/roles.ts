import { browserAgent, signedInAs } from './http.js';

/** The five callers the access policy tells apart (DESIGN.md §6). */
export type Who = 'admin' | 'team' | 'otherOrganizer' | 'viewer' | 'anonymous';
export const EVERYONE: Who[] = ['admin', 'team', 'otherOrganizer', 'viewer', 'anonymous'];

/**
 * An admin, an organizer who will be in the event's team (create the event as `team.actor`),
 * an organizer of another event, a viewer, each signed in, and someone not signed in.
 */
export async function signedInRoles(url: string) {
  const admin = await signedInAs(url, 'admin');
  const team = await signedInAs(url, 'organizer');
  const otherOrganizer = await signedInAs(url, 'organizer');
  const viewer = await signedInAs(url, 'viewer');
  const agents: Record<Who, ReturnType<typeof browserAgent>> = {
    admin: admin.agent,
    team: team.agent,
    otherOrganizer: otherOrganizer.agent,
    viewer: viewer.agent,
    anonymous: browserAgent(url),
  };
  return { admin, team, otherOrganizer, viewer, agents };
}
