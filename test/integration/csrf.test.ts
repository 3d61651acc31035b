import { expect } from 'chai';
import request from 'supertest';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfTokenIn } from '../support/http.js';
import { ProbeRecord, probeRouter } from '../support/probe.js';

describe('platform: CSRF protection on forms', () => {
  const foro = useTestForo(import.meta.url, { extraRouters: () => [probeRouter()] });

  it('accepts a form posted with the token of its own session', async () => {
    const agent = browserAgent(foro.url);
    const token = csrfTokenIn((await agent.get('/probe/form')).text);
    const res = await agent.post('/probe/records').type('form').send({ _csrf: token, name: 'Ana' });
    expect(res.status).to.equal(303);
    expect(await ProbeRecord.countDocuments({ name: 'Ana' })).to.equal(1);
  });

  it('refuses a form posted without its token with a readable 403 page', async () => {
    const agent = browserAgent(foro.url);
    await agent.get('/probe/form');
    const res = await agent
      .post('/probe/records')
      .type('form')
      .set('Accept-Language', 'en')
      .send({ name: 'Ana' });
    expect(res.status).to.equal(403);
    expect(res.type).to.equal('text/html');
    expect(res.text).to.contain('The form has expired');
    expect(res.text).to.contain('reload the page');
    expect(await ProbeRecord.countDocuments()).to.equal(0);
  });

  it('refuses a token taken from another session', async () => {
    const attacker = browserAgent(foro.url);
    const stolen = csrfTokenIn((await attacker.get('/probe/form')).text);
    const victim = browserAgent(foro.url);
    await victim.get('/probe/form');
    const res = await victim.post('/probe/records').type('form').send({ _csrf: stolen, name: 'Ana' });
    expect(res.status).to.equal(403);
  });

  it('refuses a form with no session at all, and multipart or text bodies without a token', async () => {
    const noSession = await request(foro.url)
      .post('/probe/records')
      .type('form')
      .send({ _csrf: 'x', name: 'A' });
    expect(noSession.status).to.equal(403);
    const text = await request(foro.url)
      .post('/probe/records')
      .set('Content-Type', 'text/plain')
      .send('name=A');
    expect(text.status).to.equal(403);
  });

  it('does not create a session for visitors who only read pages', async () => {
    const res = await request(foro.url).get('/');
    expect(res.status).to.equal(200);
    expect(res.headers['set-cookie'] ?? []).to.satisfy((cookies: string[]) =>
      cookies.every((cookie) => !cookie.startsWith('foro_sid=')),
    );
  });

  it('marks the session cookie HttpOnly and SameSite=Lax', async () => {
    const res = await request(foro.url).get('/probe/form');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('foro_sid='));
    expect(cookie)
      .to.match(/HttpOnly/i)
      .and.match(/SameSite=Lax/i);
  });
});
