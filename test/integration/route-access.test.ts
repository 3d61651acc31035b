import { expect } from 'chai';
import type { Express } from 'express';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { ROUTES, type RouteRule } from '../../src/modules/events/policy.js';
import { Message } from '../../src/modules/messaging/index.js';
import { Person } from '../../src/modules/people/person.model.js';
import { Registration } from '../../src/modules/registrations/index.js';
import { createTestUser } from '../factories/users.js';
import { createPanel } from '../factories/invitations.js';
import { registrationForm } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';
import { EVERYONE, signedInRoles, type Who } from '../support/roles.js';

const ROLES = EVERYONE;

/** Who the rule lets through to the route's own code. */
const ALLOWED: Record<RouteRule, Who[]> = {
  public: ROLES,
  link: ROLES,
  'signed-in': ['admin', 'team', 'otherOrganizer', 'viewer'],
  organizer: ['admin', 'team', 'otherOrganizer'],
  team: ['admin', 'team'],
  admin: ['admin'],
};

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
};

/** Every route the running app serves, as `METHOD /path`, from Express's own tables. */
function servedRoutes(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods))
          out.push(`${method.toUpperCase()} ${layer.route.path}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

/** Denied: sent to sign in, 401 or 403. Anything else (200, 303 elsewhere, 404, 422…) reached the route. */
function denied(res: request.Response): boolean {
  if (res.status === 401 || res.status === 403) return true;
  return res.status === 303 && String(res.headers['location'] ?? '').startsWith('/login');
}

describe('access: every route as every role, against the policy’s route table', function () {
  this.timeout(300_000);
  const foro = useTestForo(import.meta.url, {
    env: {
      RATE_LIMIT_MAX: '100000',
      LINK_RATE_LIMIT_PER_ADDRESS: '100000',
      REGISTRATION_RATE_LIMIT_PER_ADDRESS: '1000',
    },
  });

  it('has a rule for each route Foro serves, and no rule for a route that is gone', () => {
    const app = foro.running.server.listeners('request')[0] as Express;
    const served = servedRoutes(app);
    expect(
      served.filter((route) => !(route in ROUTES)),
      'routes without a policy decision',
    ).to.deep.equal([]);
    expect(
      Object.keys(ROUTES).filter((route) => !served.includes(route)),
      'rules for no route',
    ).to.deep.equal([]);
  });

  it('lets through exactly the roles each route’s rule names', async () => {
    const { team, agents } = await signedInRoles(foro.url);
    const { event, session, assignments } = await createPanel(team.actor);
    const registered = await request(foro.url)
      .post(`/events/${event.slug}/register`)
      .send(registrationForm({ email: 'ruta@example.org', familyName: 'Rutas' }));
    expect(registered.status).to.equal(303);
    const person = (await Person.findOne({ familyName: 'Rutas' }).lean())!;
    const registration = (await Registration.findOne({ personId: String(person._id) }).lean())!;
    const mail = (await Message.findOne({ 'to.email': 'ruta@example.org' }).lean())!;
    const bystander = await createTestUser({ role: 'organizer' });

    // Each path parameter gets a real record of the team's event where one exists, so the
    // route's own check of that record's event is walked too.
    const hex = () => randomBytes(12).toString('hex');
    const params = (path: string): Record<string, string> => ({
      eventId: event.id,
      slug: event.slug,
      sessionId: session.id,
      assignmentId: assignments.speaker.id,
      roomId: event.rooms[0]!.id,
      userId: bystander.id,
      personId: String(person._id),
      registrationId: String(registration._id),
      delegationId: hex(),
      importId: randomUUID(),
      batchId: randomUUID(),
      token: randomBytes(32).toString('base64url'),
      number: '1',
      key: 'registration.confirmed',
      language: 'es',
      id: path.startsWith('/admin/people/')
        ? String(person._id)
        : path.startsWith('/admin/outbox/')
          ? String(mail._id)
          : path.startsWith('/admin/users/')
            ? bystander.id
            : path.includes('/registrations/')
              ? String(registration._id)
              : hex(),
    });
    const concrete = (path: string) => {
      const values = params(path);
      return path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? hex());
    };

    // Signing out ends the agents' sessions: it goes last.
    const routes = Object.entries(ROUTES).sort(
      ([a], [b]) => Number(a === 'POST /logout') - Number(b === 'POST /logout'),
    );
    const failures: string[] = [];
    for (const [route, rule] of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const url = concrete(path);
      for (const who of ROLES) {
        const agent = agents[who];
        const call = agent[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](url).redirects(0);
        // JSON needs no CSRF token (see security.ts); an empty body is refused by the route, after the guard.
        const res =
          method === 'GET' ? await call : await call.set('Content-Type', 'application/json').send('{}');
        const expected = ALLOWED[rule].includes(who);
        if (denied(res) === expected) {
          failures.push(
            `${route} (${rule}) as ${who}: ${res.status}${res.headers['location'] ? ` → ${res.headers['location']}` : ''}`,
          );
        }
        if (res.status >= 500) failures.push(`${route} as ${who}: ${res.status}`);
        // A private link's answers are never stored or indexed (the guard mounted by path).
        const guarded =
          /no-store/.test(String(res.headers['cache-control'])) &&
          /noindex/.test(String(res.headers['x-robots-tag']));
        if (rule === 'link' && !guarded) failures.push(`${route} as ${who}: no private-link guard`);
      }
    }
    expect(failures).to.deep.equal([]);
  });
});
