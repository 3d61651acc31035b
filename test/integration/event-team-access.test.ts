import { expect } from 'chai';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createContact } from '../../src/modules/contacts/contact.service.js';
import { contactInput } from '../../src/modules/contacts/contact.schemas.js';
import { parse } from '../../src/shared/validate.js';
import { Message, outboxWorkerFor } from '../../src/modules/messaging/index.js';
import { Person } from '../../src/modules/people/person.model.js';
import { createLogger } from '../../src/shared/logger.js';
import { createPublishedEvent } from '../factories/events.js';
import { registrationForm } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';
import { EVERYONE, signedInRoles, type Who } from '../support/roles.js';
import { signedInAs, type browserAgent } from '../support/http.js';

/** What one role must get: a status, and whether the secret (an address) is in the answer. */
type Expected = { status: number; secret?: boolean };

/**
 * The records of an event (its registrations, the people in it, its outbox, its history) follow
 * the event's team (DESIGN.md §6): an organizer of another event reads them as a viewer does,
 * without addresses or mail contents, and changes nothing. Each route is tried as each role.
 */
describe('access: an event’s records belong to its team', function () {
  this.timeout(120_000);
  const dataDir = join(tmpdir(), `foro-team-access-${process.pid}`);
  const foro = useTestForo(import.meta.url, { env: { DATA_DIR: dataDir } });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('answers each route as the policy says for admin, the team, another event’s organizer, a viewer and no one', async () => {
    const { admin, team, otherOrganizer, agents } = await signedInRoles(foro.url);
    const event = await createPublishedEvent({}, team.actor);
    await createPublishedEvent({ slug: 'otro-foro' }, otherOrganizer.actor);

    const registrantEmail = 'registrante.equipo@example.org';
    const registered = await request(foro.url)
      .post(`/events/${event.slug}/register`)
      .send(registrationForm({ email: registrantEmail, familyName: 'Quillay' }));
    expect(registered.status).to.equal(303);
    const person = (await Person.findOne({ familyName: 'Quillay' }).lean())!;
    const worker = outboxWorkerFor(foro.config, foro.clock, createLogger('silent'));
    expect((await worker.runOnce()).sent).to.equal(1);
    await worker.stop();
    const mail = (await Message.findOne({}).lean())!;
    const contact = await createContact(
      parse(contactInput, {
        country: 'EC',
        institution: 'foreign_affairs',
        type: 'focal_point',
        name: 'Punto Focal',
        email: 'punto.focal@example.org',
      }),
      admin.actor,
      foro.clock,
    );

    const forTeam = (status = 200): Record<Who, Expected> => ({
      admin: { status, secret: true },
      team: { status, secret: true },
      otherOrganizer: { status, secret: false },
      viewer: { status, secret: false },
      anonymous: { status: 303 },
    });
    const teamOnly = (status = 200, anonymous = 303): Record<Who, Expected> => ({
      admin: { status },
      team: { status },
      otherOrganizer: { status: 403 },
      viewer: { status: 403 },
      anonymous: { status: anonymous },
    });
    const api = (expected: Record<Who, Expected>) => ({ ...expected, anonymous: { status: 401 } });

    const routes: {
      route: string;
      send: (agent: ReturnType<typeof browserAgent>) => request.Test;
      secret?: string;
      expected: Record<Who, Expected>;
    }[] = [
      {
        route: 'GET registrations list',
        send: (a) => a.get(`/admin/events/${event.id}/registrations`),
        secret: registrantEmail,
        expected: forTeam(),
      },
      {
        route: 'GET people directory',
        send: (a) => a.get('/admin/people?q=Quillay'),
        secret: registrantEmail,
        expected: forTeam(),
      },
      {
        route: 'GET people CSV',
        send: (a) => a.get('/admin/people/export.csv'),
        secret: registrantEmail,
        expected: forTeam(),
      },
      {
        route: 'GET a person',
        send: (a) => a.get(`/admin/people/${person._id}`),
        secret: registrantEmail,
        expected: forTeam(),
      },
      {
        route: 'GET a person’s edit form',
        send: (a) => a.get(`/admin/people/${person._id}/edit`),
        expected: teamOnly(),
      },
      {
        route: 'API people list',
        send: (a) => a.get('/api/v1/people?q=Quillay'),
        secret: registrantEmail,
        expected: api(forTeam()),
      },
      {
        route: 'API one person',
        send: (a) => a.get(`/api/v1/people/${person._id}`),
        secret: registrantEmail,
        expected: api(forTeam()),
      },
      {
        route: 'API change a person',
        send: (a) => a.patch(`/api/v1/people/${person._id}`).send({ position: 'Investigadora' }),
        expected: api(teamOnly()),
      },
      {
        route: 'GET outbox',
        send: (a) => a.get('/admin/outbox'),
        secret: registrantEmail,
        expected: forTeam(),
      },
      { route: 'GET a mail', send: (a) => a.get(`/admin/outbox/${mail._id}`), expected: teamOnly() },
      {
        route: 'GET a mail’s HTML',
        send: (a) => a.get(`/admin/outbox/${mail._id}/html`),
        expected: teamOnly(),
      },
      {
        route: 'GET a mail as .eml',
        send: (a) => a.get(`/admin/outbox/${mail._id}/eml`),
        expected: teamOnly(),
      },
      {
        route: 'GET event settings (team and history)',
        send: (a) => a.get(`/admin/events/${event.id}/settings`),
        secret: team.user.email,
        expected: forTeam(),
      },
      {
        route: 'API event history',
        send: (a) => a.get(`/api/v1/events/${event.id}/history`),
        secret: team.user.email,
        expected: api(forTeam()),
      },
      {
        route: 'GET national contacts (of no event)',
        send: (a) => a.get('/admin/contacts'),
        secret: contact.email!,
        expected: { ...forTeam(), otherOrganizer: { status: 200, secret: true } },
      },
    ];

    const failures: string[] = [];
    for (const { route, send, secret, expected } of routes) {
      for (const who of EVERYONE) {
        const res = await send(agents[who]).buffer(true);
        const want = expected[who];
        const body = typeof res.text === 'string' ? res.text : JSON.stringify(res.body ?? '');
        if (res.status !== want.status)
          failures.push(`${route} as ${who}: ${res.status}, expected ${want.status}`);
        else if (secret && want.secret !== undefined && body.includes(secret) !== want.secret) {
          failures.push(`${route} as ${who}: ${want.secret ? 'lacks' : 'shows'} ${secret}`);
        }
      }
    }
    expect(failures).to.deep.equal([]);
  });

  it('shows a viewer the team by name in the history, never by address', async () => {
    const team = await signedInAs(foro.url, 'organizer');
    const viewer = await signedInAs(foro.url, 'viewer');
    const event = await createPublishedEvent({}, team.actor);
    const history = await viewer.agent.get(`/api/v1/events/${event.id}/history`);
    expect(history.status).to.equal(200);
    const labels = (history.body as { actor: { label: string } }[]).map((e) => e.actor.label);
    expect(labels).to.include(team.user.name);
    expect(JSON.stringify(history.body)).to.not.include('@');
  });
});
