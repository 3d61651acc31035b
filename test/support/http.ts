import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import request from 'supertest';

/** An HTTP client that keeps cookies between requests, like a browser. */
export function browserAgent(url: string) {
  return request.agent(url);
}

/** The CSRF token of the first form in an HTML page. */
export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('No CSRF token in the page');
  return match[1];
}

/** Signs a browser-like agent in through the login form. */
export async function signIn(agent: ReturnType<typeof browserAgent>, email: string, password: string) {
  const token = csrfTokenIn((await agent.get('/login')).text);
  const res = await agent.post('/login').type('form').send({ _csrf: token, email, password });
  if (res.status !== 303) throw new Error(`sign-in failed with ${res.status}`);
  return res;
}

/** A CSRF token for an agent's session, taken from any page with a form. */
export async function csrfFor(agent: ReturnType<typeof browserAgent>, path = '/login'): Promise<string> {
  return csrfTokenIn((await agent.get(path)).text);
}

/** A new user of that role, signed in through the form, and the audit actor they appear as. */
export async function signedInAs(url: string, role: 'admin' | 'organizer' | 'viewer') {
  const user = await createTestUser({ role });
  const agent = browserAgent(url);
  await signIn(agent, user.email, TEST_PASSWORD);
  return { user, agent, actor: { userId: user.id, label: user.email, via: 'ui' as const } };
}
