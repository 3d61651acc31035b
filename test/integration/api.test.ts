import { expect } from 'chai';
import mongoose from 'mongoose';
import request from 'supertest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { ApiToken } from '../../src/modules/auth/api-token.model.js';
import { ROUTES } from '../../src/modules/events/policy.js';
import { ApiRegistry } from '../../src/web/api-registry.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfFor, signIn } from '../support/http.js';
import { schemaMismatches } from '../support/schema-check.js';

type Json = Record<string, unknown>;
interface OpenApi {
  info: { description: string };
  tags: { name: string; description: string }[];
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        tags: string[];
        requestBody?: Json;
        parameters?: Json[];
        responses: Record<string, Json>;
      }
    >
  >;
  components: { responses: Record<string, Json>; schemas: { Problem: Json & { required: string[] } } };
}

describe('api: tokens, users, events and rooms, OpenAPI', () => {
  const foro = useTestForo(import.meta.url);

  async function adminWithToken(name = 'Integración') {
    const admin = await createTestUser({ role: 'admin' });
    const agent = browserAgent(foro.url);
    await signIn(agent, admin.email, TEST_PASSWORD);
    return { admin, agent, secret: await newToken(agent, name, admin.id) };
  }

  async function newToken(agent: ReturnType<typeof browserAgent>, name: string, userId: string) {
    const token = await csrfFor(agent, '/admin/tokens');
    const res = await agent.post('/admin/tokens').type('form').send({ _csrf: token, name, userId });
    expect(res.status).to.equal(201);
    return /value="(foro_[^"]+)"/.exec(res.text)![1]!;
  }

  const api = (secret: string) => ({
    get: (path: string) => request(foro.url).get(`/api/v1${path}`).set('Authorization', `Bearer ${secret}`),
    post: (path: string, body: object) =>
      request(foro.url).post(`/api/v1${path}`).set('Authorization', `Bearer ${secret}`).send(body),
    patch: (path: string, body: object) =>
      request(foro.url).patch(`/api/v1${path}`).set('Authorization', `Bearer ${secret}`).send(body),
    delete: (path: string) =>
      request(foro.url).delete(`/api/v1${path}`).set('Authorization', `Bearer ${secret}`),
  });

  it('shows a token once and stores only its hash', async () => {
    const { agent, secret } = await adminWithToken();
    const stored = await ApiToken.findOne().lean();
    expect(JSON.stringify(stored)).to.not.contain(secret.slice(5));
    expect(stored?.tokenHash).to.match(/^[0-9a-f]{64}$/);
    const list = await agent.get('/admin/tokens');
    expect(list.text).to.contain('Integración');
    expect(list.text).to.not.contain(secret);
  });

  it('answers a revoked, unknown or malformed token with 401', async () => {
    const { agent, secret } = await adminWithToken();
    expect((await api(secret).get('/events')).status).to.equal(200);
    const id = String((await ApiToken.findOne().lean())!._id);
    const token = await csrfFor(agent, '/admin/tokens');
    expect(
      (await agent.post(`/admin/tokens/${id}/revoke`).type('form').send({ _csrf: token, confirmed: 'yes' }))
        .status,
    ).to.equal(303);
    const revoked = await api(secret).get('/events');
    expect(revoked.status).to.equal(401);
    expect(revoked.body.code).to.equal('UNAUTHENTICATED');
    expect((await api(`foro_${'x'.repeat(43)}`).get('/events')).status).to.equal(401);
    expect((await api('nonsense').get('/events')).status).to.equal(401);
  });

  it('stops a token working when its user is disabled', async () => {
    const { agent } = await adminWithToken();
    const organizer = await createTestUser({ role: 'organizer' });
    const secret = await newToken(agent, 'Organizer script', organizer.id);
    expect((await api(secret).get('/events')).status).to.equal(200);
    const token = await csrfFor(agent, `/admin/users/${organizer.id}`);
    await agent.post(`/admin/users/${organizer.id}`).type('form').send({ _csrf: token, status: 'disabled' });
    expect((await api(secret).get('/events')).status).to.equal(401);
  });

  it('keeps users to admins, and invites through the API with a setup link', async () => {
    const { agent, secret } = await adminWithToken();
    const invited = await api(secret).post('/users', {
      email: 'Marta@Example.org',
      name: 'Marta Gómez',
      role: 'viewer',
    });
    expect(invited.status).to.equal(201);
    expect(invited.body).to.include({ email: 'marta@example.org', role: 'viewer', status: 'invited' });
    expect(invited.body.setupUrl).to.match(/\/account\/setup\/[A-Za-z0-9_-]{43}$/);
    const again = await api(secret).post('/users', { email: 'marta@example.org', name: 'M', role: 'viewer' });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('EMAIL_TAKEN');

    const organizer = await createTestUser({ role: 'organizer' });
    const organizerSecret = await newToken(agent, 'Not allowed', organizer.id);
    expect((await api(organizerSecret).get('/users')).status).to.equal(403);
    expect((await api(organizerSecret).get('/events')).status).to.equal(200);
  });

  it('creates an event with rooms, edits and removes a room, and reads it back', async () => {
    const { secret } = await adminWithToken();
    const created = await api(secret).post('/events', {
      slug: 'Cuenca-2008',
      title: { es: 'Foro Iberoamericano sobre Migración y Desarrollo' },
      venue: { city: 'Cuenca', country: 'ec' },
      startDate: '2008-04-10',
      endDate: '2008-04-11',
      countries: ['EC', 'ES', 'PT', 'EC'],
    });
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ slug: 'cuenca-2008', timezone: 'America/Guayaquil', status: 'draft' });
    expect(created.body.countries).to.deep.equal(['EC', 'ES', 'PT']);
    expect(created.body.venue.country).to.equal('EC');
    const id = created.body.id as string;

    const room = await api(secret).post(`/events/${id}/rooms`, {
      name: 'Salón Plenario',
      capacity: 400,
      interpretation: ['es', 'pt', 'en'],
    });
    expect(room.status).to.equal(201);
    const second = await api(secret).post(`/events/${id}/rooms`, { name: 'Sala Azuay', capacity: 120 });
    const changed = await api(secret).patch(`/events/${id}/rooms/${room.body.id}`, {
      name: 'Salón Plenario',
      capacity: 350,
    });
    expect(changed.body.capacity).to.equal(350);
    expect((await api(secret).delete(`/events/${id}/rooms/${second.body.id}`)).status).to.equal(204);
    const rooms = await api(secret).get(`/events/${id}/rooms`);
    expect(rooms.body).to.deep.equal([
      { id: room.body.id, name: 'Salón Plenario', capacity: 350, interpretation: ['es', 'pt', 'en'] },
    ]);

    const published = await api(secret).post(`/events/${id}/status`, { status: 'published' });
    expect(published.body.status).to.equal('published');
    expect(published.body.publishedAt).to.be.a('string');
    expect((await request(foro.url).get('/events/cuenca-2008')).status).to.equal(200);
  });

  it('answers bad ids, bodies and transitions with 4xx, never 500', async () => {
    const { secret } = await adminWithToken();
    const created = await api(secret).post('/events', {
      slug: 'lima-2009',
      title: { es: 'Lima' },
      startDate: '2009-01-01',
      endDate: '2009-01-02',
    });
    const id = created.body.id as string;
    const missing = new mongoose.Types.ObjectId().toString();
    expect((await api(secret).get('/events/not-an-id')).status).to.equal(404);
    expect((await api(secret).get(`/events/${missing}`)).status).to.equal(404);
    expect((await api(secret).patch(`/events/${id}/rooms/${missing}`, { name: 'X' })).status).to.equal(404);
    expect((await api(secret).delete(`/events/${id}/rooms/nope`)).status).to.equal(404);
    const unknownField = await api(secret).patch(`/events/${id}`, { status: 'published' });
    expect(unknownField.status).to.equal(422);
    expect(unknownField.body.errors[0]).to.include({ field: 'status', code: 'unknown_field' });
    expect((await api(secret).post(`/events/${id}/rooms`, { name: 'X', capacity: -1 })).status).to.equal(422);
    expect((await api(secret).post(`/events/${id}/rooms`, { name: { $gt: '' } })).status).to.equal(422);
    expect((await api(secret).post(`/events/${id}/status`, { status: 'gone' })).status).to.equal(422);
    await api(secret).post(`/events/${id}/status`, { status: 'archived' });
    const fromArchived = await api(secret).post(`/events/${id}/status`, { status: 'draft' });
    expect(fromArchived.status).to.equal(409);
    expect(fromArchived.body.code).to.equal('STATUS_TRANSITION');
    const editArchived = await api(secret).patch(`/events/${id}`, { endDate: '2009-01-03' });
    expect(editArchived.status).to.equal(409);
    expect(editArchived.body.code).to.equal('EVENT_ARCHIVED');
    const formBody = await request(foro.url).post('/api/v1/events').type('form').send({ slug: 'x' });
    expect(formBody.status, 'a cross-site form cannot reach the API').to.be.oneOf([401, 403]);
  });

  it('publishes an OpenAPI 3.1 document built from the same schemas, and a docs page', async () => {
    const doc = (await request(foro.url).get('/api/openapi.json')).body;
    expect(doc.openapi).to.equal('3.1.0');
    const validation = await new Validator().validate(doc);
    expect(validation.valid, JSON.stringify(validation.errors)).to.equal(true);
    expect(Object.keys(doc.paths)).to.include.members([
      '/api/v1/events',
      '/api/v1/events/{eventId}',
      '/api/v1/events/{eventId}/rooms/{roomId}',
      '/api/v1/users',
      '/api/v1/events/{eventId}/history',
    ]);
    const createEvent = doc.paths['/api/v1/events'].post;
    const schema = createEvent.requestBody.content['application/json'].schema;
    expect(schema.required).to.include.members(['slug', 'title', 'startDate', 'endDate']);
    expect(schema.additionalProperties).to.equal(false);
    expect(schema.properties.title.properties.es.maxLength).to.equal(300);
    expect(createEvent.responses['201']).to.have.property('content');
    expect(doc.components.securitySchemes.bearer.scheme).to.equal('bearer');

    const page = await request(foro.url).get('/api/docs?lang=en');
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('/api/v1/events/:eventId/rooms');
    expect(page.text).to.contain('listEventRegistrations');
    expect(page.text).to.contain('OpenAPI 3.1 document');
  });

  it('names every operation once and documents the 4xx each gives, as problem+json', async () => {
    const doc = (await request(foro.url).get('/api/openapi.json')).body as OpenApi;
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations).to.have.length.of.at.least(33);
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size, 'operationIds are unique').to.equal(ids.length);
    expect(ids).to.include.members(['listEventRegistrations', 'createSession', 'publishProgrammeVersion']);
    const resolve = (response: Json) =>
      (response['$ref']
        ? doc.components.responses[String(response['$ref']).split('/').pop()!]
        : response) as {
        description: string;
        content: Record<string, { schema: Json }>;
      };
    for (const { path, method, op } of operations) {
      const name = `${method.toUpperCase()} ${path} (${op.operationId})`;
      expect(op.operationId, name).to.match(/^[a-z]+(?:[A-Z][a-z0-9]*)+$/);
      const withBody = op.requestBody !== undefined;
      const rule = ROUTES[`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`];
      expect(rule, `${name} has a rule in policy.ts`).to.be.a('string');
      // Every call can lack a token, break an input rule or the request budget; the rest follows what it is.
      const expected = [
        ...(withBody ? ['400'] : []),
        '401',
        ...(rule !== 'signed-in' || method !== 'get' ? ['403'] : []),
        ...(path.includes('{') ? ['404'] : []),
        ...(op.responses['409'] ? ['409'] : []),
        ...(withBody ? ['413', '415'] : []),
        '422',
        '429',
      ];
      expect(
        Object.keys(op.responses).filter((code) => code.startsWith('4')),
        name,
      ).to.deep.equal(expected);
      if (expected.includes('403'))
        expect(resolve(op.responses['403']!).description.includes('`FORBIDDEN`'), name).to.equal(
          rule !== 'signed-in',
        );
      for (const code of [...expected, '503', 'default']) {
        const response = resolve(op.responses[code]!);
        expect(Object.keys(response.content), `${name} ${code}`).to.deep.equal(['application/problem+json']);
        expect(response.content['application/problem+json']!.schema).to.deep.equal({
          $ref: '#/components/schemas/Problem',
        });
      }
    }
    const conflicts = (path: string, method: string) =>
      resolve(doc.paths[path]![method]!.responses['409']!).description;
    expect(conflicts('/api/v1/events/{eventId}', 'patch')).to.contain('STALE_EDIT');
    expect(conflicts('/api/v1/users', 'post')).to.contain('EMAIL_TAKEN');
    expect(conflicts('/api/v1/events/{eventId}/versions', 'post')).to.contain('NOTHING_TO_PUBLISH');
    const registrations = doc.paths['/api/v1/events/{eventId}/registrations']!['get']!;
    expect(registrations.parameters!.map((p) => `${String(p['in'])} ${String(p['name'])}`)).to.deep.equal([
      'path eventId',
      'query after',
      'query before',
      'query status',
      'query category',
    ]);

    for (const words of ['Bearer', '`next`', '`previous`', 'Accept-Language', 'problem+json', '`code`'])
      expect(doc.info.description).to.contain(words);
    const tags = new Map(doc.tags.map((tag) => [tag.name, tag.description]));
    for (const { op } of operations) expect(tags.get(op.tags[0]!), op.tags[0]).to.have.length.above(40);
    expect(doc.components.schemas.Problem.required).to.include.members(['status', 'code', 'requestId']);
  });

  it('answers errors in the shape the document gives them', async () => {
    const { secret } = await adminWithToken();
    const doc = (await request(foro.url).get('/api/openapi.json')).body as OpenApi;
    const problem = doc.components.schemas.Problem;
    const invalid = { slug: 'x', title: { es: 'y'.repeat(301) }, startDate: 'mañana' };
    const unprocessable = await api(secret).post('/events', invalid).set('Accept-Language', 'pt-BR');
    const inSpanish = await api(secret).post('/events', invalid).set('Accept-Language', 'es');
    const missing = await api(secret).get(`/events/${new mongoose.Types.ObjectId().toString()}`);
    const unauthenticated = await request(foro.url).get('/api/v1/people');
    const tooLarge = await api(secret).post('/people', { givenName: 'x'.repeat(200 * 1024) });
    const malformed = await request(foro.url)
      .post('/api/v1/people')
      .set('Authorization', `Bearer ${secret}`)
      .type('json')
      .send('{"givenName": ');
    for (const [res, status] of [
      [unprocessable, 422],
      [missing, 404],
      [unauthenticated, 401],
      [tooLarge, 413],
      [malformed, 400],
    ] as const) {
      expect(res.status).to.equal(status);
      expect(res.headers['content-type']).to.match(/^application\/problem\+json/);
      expect(schemaMismatches(res.body, problem), `${status}: ${JSON.stringify(res.body)}`).to.deep.equal([]);
      expect(res.body.status).to.equal(status);
    }
    expect(unprocessable.body.errors.map((e: { field: string }) => e.field)).to.include.members([
      'title.es',
      'startDate',
      'endDate',
    ]);
    expect(
      unprocessable.body.errors.find((e: { field: string }) => e.field === 'title.es').params,
    ).to.deep.equal({
      max: 300,
    });
    expect(unprocessable.body.title, 'in the language asked for').to.not.equal(inSpanish.body.title);
    expect(unprocessable.body.code).to.equal(inSpanish.body.code);
    expect(doc.paths['/api/v1/events']!['post']!.responses).to.have.property('422');
    expect(doc.paths['/api/v1/events/{eventId}']!['get']!.responses).to.have.property('404');
  });

  it('refuses an operation registered without a camelCase name, or with one already taken', () => {
    const registry = new ApiRegistry();
    const operation = {
      operationId: 'listThings' as const,
      method: 'get' as const,
      path: '/things',
      summary: 'Things',
      tag: 'Things',
      access: 'signed-in' as const,
      guards: [],
      handler: async () => [],
    };
    registry.add(operation);
    expect(() => registry.add(operation)).to.throw('used twice');
    expect(() => registry.add({ ...operation, operationId: 'list_Things' as 'listThings' })).to.throw(
      'camelCase',
    );
    expect(() => registry.document('http://localhost')).to.throw('without a description: Things');
  });
});
