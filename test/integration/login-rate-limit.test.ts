import { expect } from 'chai';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfFor } from '../support/http.js';

describe('auth: sign-in rate limits', () => {
  // Behind a (loopback) proxy, so each test can speak from its own client address.
  const foro = useTestForo(import.meta.url, {
    env: { LOGIN_RATE_LIMIT_PER_ACCOUNT: '3', LOGIN_RATE_LIMIT_PER_ADDRESS: '8', TRUST_PROXY: 'loopback' },
  });

  async function attempt(from: string, email: string, password = 'wrong password!!') {
    const agent = browserAgent(foro.url);
    const token = await csrfFor(agent);
    return agent
      .post('/login')
      .type('form')
      .set('X-Forwarded-For', from)
      .set('Accept-Language', 'pt')
      .send({ _csrf: token, email, password });
  }

  it('stops guessing one account after its limit, from any address, with a translated 429', async () => {
    const user = await createTestUser();
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await attempt('203.0.113.1', user.email)).status);
    expect(statuses).to.deep.equal([401, 401, 401, 429]);
    const blocked = await attempt('203.0.113.2', user.email.toUpperCase(), TEST_PASSWORD);
    expect(blocked.status, 'the right password does not help while blocked').to.equal(429);
    expect(blocked.text).to.contain('Solicitações demais');
    expect(
      (await attempt('203.0.113.1', 'someone-else@example.org')).status,
      'other accounts go on',
    ).to.equal(401);
  });

  it('stops one address trying many accounts', async () => {
    const statuses = [];
    for (let i = 0; i < 9; i += 1)
      statuses.push((await attempt('198.51.100.7', `guess${i}@example.org`)).status);
    expect(statuses).to.deep.equal([401, 401, 401, 401, 401, 401, 401, 401, 429]);
    expect((await attempt('198.51.100.8', 'guess0@example.org')).status, 'other addresses go on').to.equal(
      401,
    );
  });

  it('does not count successful sign-ins', async () => {
    const user = await createTestUser();
    for (let i = 0; i < 5; i += 1) {
      expect((await attempt('192.0.2.9', user.email, TEST_PASSWORD)).status).to.equal(303);
    }
  });
});
