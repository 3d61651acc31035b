import { expect } from 'chai';
import request from 'supertest';
import { useTestForo } from '../support/foro.js';

describe('platform: web base', () => {
  const foro = useTestForo(import.meta.url, {
    env: { RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW_SECONDS: '60' },
  });

  it('sends security headers and no framework banner', async () => {
    const res = await request(foro.url).get('/healthz');
    expect(res.headers['content-security-policy']).to.contain("default-src 'self'");
    expect(res.headers['content-security-policy']).to.not.contain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).to.equal('nosniff');
    expect(res.headers).to.not.have.property('x-powered-by');
  });

  it('gives each request an id, keeping a sane one from a proxy', async () => {
    const own = await request(foro.url).get('/healthz');
    expect(own.headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/);
    const kept = await request(foro.url).get('/healthz').set('X-Request-Id', 'edge-42');
    expect(kept.headers['x-request-id']).to.equal('edge-42');
    const replaced = await request(foro.url).get('/healthz').set('X-Request-Id', '<script>');
    expect(replaced.headers['x-request-id']).to.not.equal('<script>');
  });

  it('serves the stylesheet', async () => {
    const res = await request(foro.url).get('/assets/foro.css');
    expect(res.status).to.equal(200);
    expect(res.type).to.equal('text/css');
  });

  it('answers /healthz while the process is up', async () => {
    const res = await request(foro.url).get('/healthz');
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ status: 'ok' });
  });

  it('limits requests per address with a translated 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      statuses.push((await request(foro.url).get('/?lang=en')).status);
    }
    expect(statuses.slice(0, 5)).to.deep.equal([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).to.deep.equal([429, 429]);
    const limited = await request(foro.url).get('/').set('Accept-Language', 'en');
    expect(limited.text).to.contain('Too many requests');
    const health = await request(foro.url).get('/healthz');
    expect(health.status, 'health checks are never limited').to.equal(200);
  });
});
