import { expect } from 'chai';
import mongoose from 'mongoose';
import request from 'supertest';
import { LIMITS } from '../../src/shared/limits.js';
import { createProbeRecord } from '../factories/probe-records.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfTokenIn } from '../support/http.js';
import { ProbeRecord, probeRouter } from '../support/probe.js';

/** Every filter the database received while `run` was going on. */
async function queriesDuring(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  mongoose.set('debug', (collection: string, method: string, query: unknown) => {
    seen.push(`${collection}.${method} ${JSON.stringify(query)}`);
  });
  try {
    await run();
  } finally {
    mongoose.set('debug', false);
  }
  return seen;
}

describe('platform: bad input gets a clear 4xx and loses nothing', () => {
  const foro = useTestForo(import.meta.url, { extraRouters: () => [probeRouter()] });
  const json = (path: string, body: string) =>
    request(foro.url)
      .post(path)
      .set('Content-Type', 'application/json')
      .set('Accept', 'application/json')
      .send(body);

  it('answers malformed JSON with 400 problem+json in the user language', async () => {
    const res = await json('/probe/records', '{"name": "Ana",').set('Accept-Language', 'en');
    expect(res.status).to.equal(400);
    expect(res.type).to.equal('application/problem+json');
    expect(res.body).to.include({ code: 'MALFORMED_JSON', status: 400, title: 'Malformed JSON' });
    expect(res.body.requestId).to.equal(res.headers['x-request-id']);
  });

  it('answers malformed JSON from a browser with an HTML page', async () => {
    const res = await request(foro.url)
      .post('/probe/records')
      .set('Content-Type', 'application/json')
      .set('Accept', 'text/html')
      .send('{oops');
    expect(res.status).to.equal(400);
    expect(res.type).to.equal('text/html');
    expect(res.text).to.contain('JSON mal formado');
  });

  it('refuses unknown fields with 422 naming them, and saves nothing', async () => {
    const res = await json('/probe/records', JSON.stringify({ name: 'Ana', isAdmin: true }));
    expect(res.status).to.equal(422);
    expect(res.body.code).to.equal('VALIDATION_FAILED');
    expect(res.body.errors).to.deep.equal([
      { field: 'isAdmin', code: 'unknown_field', message: 'Este campo no está permitido.' },
    ]);
    expect(await ProbeRecord.countDocuments()).to.equal(0);
  });

  for (const [label, body] of [
    ['an operator as a value', { name: { $gt: '' } }],
    ['$where as a key', { name: 'x', $where: 'sleep(1000)' }],
    ['a nested operator', { name: 'x', title: { $ne: null } }],
    ['a dotted key', { 'name.first': 'x' }],
  ] as const) {
    it(`refuses ${label} with a 4xx before any query runs`, async () => {
      await createProbeRecord({ name: 'Existing' });
      let res: request.Response | undefined;
      const queries = await queriesDuring(async () => {
        res = await json('/probe/search', JSON.stringify(body));
      });
      expect(res?.status).to.equal(422);
      expect(queries.filter((q) => q.startsWith('proberecords.'))).to.deep.equal([]);
    });
  }

  it('sees the queries a valid search runs (control for the tests above)', async () => {
    const queries = await queriesDuring(() => json('/probe/search', JSON.stringify({ name: 'Existing' })));
    expect(queries.filter((q) => q.startsWith('proberecords.find'))).to.have.length(1);
  });

  it('refuses operator-looking keys in query strings and forms', async () => {
    const query = await json('/probe/search?%24where=1', JSON.stringify({ name: 'x' }));
    expect(query.status).to.equal(422);
    expect(query.body.errors[0]).to.include({ field: '$where', code: 'operator_not_allowed' });

    const agent = browserAgent(foro.url);
    const token = csrfTokenIn((await agent.get('/probe/form')).text);
    for (const body of [`_csrf=${token}&%24where=1&name=x`, `_csrf=${token}&name%5B%24gt%5D=&name=x`]) {
      const form = await agent.post('/probe/records').type('form').send(body);
      expect(form.status, body).to.equal(422);
      expect(form.text).to.contain('Hay un problema');
    }
    expect(await ProbeRecord.countDocuments()).to.equal(0);
  });

  it('turns an operator that reaches a filter into a plain value (sanitizeFilter)', async () => {
    await createProbeRecord({ name: 'Existing' });
    // Wrapped in $eq, the object no longer casts to a string: the query is refused, never widened.
    const error = await ProbeRecord.find({ name: { $gt: '' } as unknown as string })
      .lean()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).to.be.instanceOf(mongoose.Error.CastError);
  });

  it('answers a JSON body over the limit with 413', async () => {
    const res = await json(
      '/probe/records',
      JSON.stringify({ name: 'x', notes: 'n'.repeat(LIMITS.jsonBodyBytes) }),
    );
    expect(res.status).to.equal(413);
    expect(res.body.code).to.equal('PAYLOAD_TOO_LARGE');
  });

  it('answers a form body over the limit with 413 in HTML', async () => {
    const res = await request(foro.url)
      .post('/probe/records')
      .type('form')
      .send(`name=${'x'.repeat(LIMITS.formBodyBytes + 10)}`);
    expect(res.status).to.equal(413);
    expect(res.text).to.contain('Envío demasiado grande');
  });

  it('refuses over-long strings and lone surrogates with 422', async () => {
    const long = await json('/probe/records', JSON.stringify({ name: 'n'.repeat(LIMITS.name + 1) }));
    expect(long.status).to.equal(422);
    expect(long.body.errors[0]).to.include({ field: 'name', code: 'too_long' });
    expect(long.body.errors[0].message).to.contain('120');

    const surrogate = await json('/probe/records', '{"name": "Ana \\ud800"}');
    expect(surrogate.status).to.equal(422);
    expect(surrogate.body.errors[0]).to.include({ field: 'name', code: 'invalid_characters' });
    expect(await ProbeRecord.countDocuments()).to.equal(0);
  });

  it('answers 404 for a path id that is not an ObjectId, or one that does not exist', async () => {
    for (const id of ['not-an-id', '123', '%E0%A4%A', new mongoose.Types.ObjectId().toString()]) {
      const res = await request(foro.url).get(`/probe/records/${id}`).set('Accept', 'application/json');
      expect(res.status, id).to.be.oneOf([400, 404]);
      expect(res.type).to.equal('application/problem+json');
    }
    const notAnId = await request(foro.url).get('/probe/records/not-an-id');
    expect(notAnId.status).to.equal(404);
    expect(notAnId.text).to.contain('Página no encontrada');
  });

  it('answers a duplicate unique value with 409', async () => {
    await ProbeRecord.init();
    const first = await json('/probe/records', JSON.stringify({ name: 'Ana', email: 'ana@example.org' }));
    expect(first.status).to.equal(201);
    const again = await json('/probe/records', JSON.stringify({ name: 'Ana B', email: 'ANA@example.org' }));
    expect(again.status).to.equal(409);
    // MongoDB reports the field (DUPLICATE, naming it); FerretDB does not (CONFLICT).
    expect(again.body.code).to.be.oneOf(['DUPLICATE', 'CONFLICT']);
    if (again.body.code === 'DUPLICATE') expect(again.body.detail).to.contain('email');
    expect(await ProbeRecord.countDocuments()).to.equal(1);
  });

  it('stores a valid record, normalized', async () => {
    const res = await json(
      '/probe/records',
      JSON.stringify({ name: '  Jose\u0301 ', title: 'Línea 1\r\nLínea 2' }),
    );
    expect(res.status).to.equal(201);
    const stored = await ProbeRecord.findById(res.body.id).lean();
    expect(stored).to.include({ name: 'José', title: 'Línea 1\nLínea 2' });
  });

  it('hides internal details of unexpected errors behind a translated 500', async () => {
    const page = await request(foro.url).get('/probe/boom').set('Accept-Language', 'pt');
    expect(page.status).to.equal(500);
    expect(page.text).to.contain('Algo deu errado');
    expect(page.text).to.not.contain('secret internal detail');
    const problem = await request(foro.url).get('/probe/boom').set('Accept', 'application/json');
    expect(problem.body).to.include({ code: 'INTERNAL', status: 500 });
    expect(JSON.stringify(problem.body)).to.not.contain('secret');
  });

  it('answers an unknown page with a translated 404 page', async () => {
    const res = await request(foro.url).get('/no/such/page?lang=en');
    expect(res.status).to.equal(404);
    expect(res.text).to.contain('Page not found');
  });
});
