import { expect } from 'chai';
import request from 'supertest';
import { User } from '../../src/modules/auth/user.model.js';
import { PrivateLink } from '../../src/modules/links/link.model.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfFor, csrfTokenIn, signIn } from '../support/http.js';

const DAY = 24 * 3_600_000;

describe('auth: signing in, links and passwords', () => {
  const foro = useTestForo(import.meta.url);

  async function attempt(email: string, password: string) {
    const agent = browserAgent(foro.url);
    const token = await csrfFor(agent);
    return agent
      .post('/login')
      .type('form')
      .set('Accept-Language', 'en')
      .send({ _csrf: token, email, password });
  }

  it('signs a user in with the right password and keeps them signed in', async () => {
    const user = await createTestUser();
    const agent = browserAgent(foro.url);
    const res = await signIn(agent, user.email, TEST_PASSWORD);
    expect(res.headers['location']).to.equal('/admin');
    const page = await agent.get('/admin/events');
    expect(page.status).to.equal(200);
    expect(page.text).to.contain(user.name);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const user = await createTestUser();
    const wrong = await attempt(user.email, 'not the password at all');
    const unknown = await attempt('nobody@example.org', 'not the password at all');
    expect(wrong.status).to.equal(401);
    expect(unknown.status).to.equal(401);
    const message = (html: string) => /<div class="error-summary"[^>]*>[\s\S]*?<p>([^<]*)</.exec(html)?.[1];
    expect(message(wrong.text)).to.equal('The email or password is not correct.');
    expect(message(unknown.text)).to.equal(message(wrong.text));
    expect(wrong.text).to.contain(`value="${user.email}"`);
  });

  it('refuses a disabled account, and ends its open sessions', async () => {
    const admin = await createTestUser({ role: 'admin' });
    const user = await createTestUser();
    const userAgent = browserAgent(foro.url);
    await signIn(userAgent, user.email, TEST_PASSWORD);

    const adminAgent = browserAgent(foro.url);
    await signIn(adminAgent, admin.email, TEST_PASSWORD);
    const token = await csrfFor(adminAgent, `/admin/users/${user.id}`);
    const disable = await adminAgent
      .post(`/admin/users/${user.id}`)
      .type('form')
      .send({ _csrf: token, status: 'disabled' });
    expect(disable.status).to.equal(303);

    const after = await userAgent.get('/admin/events');
    expect(after.status).to.equal(303);
    expect(after.headers['location']).to.match(/^\/login/);
    const again = await attempt(user.email, TEST_PASSWORD);
    expect(again.status).to.equal(403);
    expect(again.text).to.contain('This account is disabled');
  });

  it('sends anonymous visitors of organizer pages to sign in, and back', async () => {
    const res = await request(foro.url).get('/admin/events?x=1');
    expect(res.status).to.equal(303);
    expect(res.headers['location']).to.equal('/login?returnTo=%2Fadmin%2Fevents%3Fx%3D1');
    const user = await createTestUser();
    const agent = browserAgent(foro.url);
    const token = csrfTokenIn((await agent.get('/login?returnTo=%2Fadmin%2Fevents%3Fx%3D1')).text);
    const login = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: token, email: user.email, password: TEST_PASSWORD, returnTo: '/admin/events?x=1' });
    expect(login.headers['location']).to.equal('/admin/events?x=1');
  });

  it('never redirects to another site after signing in', async () => {
    const user = await createTestUser();
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const agent = browserAgent(foro.url);
      const token = await csrfFor(agent);
      const res = await agent
        .post('/login')
        .type('form')
        .send({ _csrf: token, email: user.email, password: TEST_PASSWORD, returnTo });
      expect(res.headers['location'], returnTo).to.equal('/admin');
    }
  });

  it('answers anonymous API calls with 401 problem+json', async () => {
    const res = await request(foro.url).get('/api/v1/events');
    expect(res.status).to.equal(401);
    expect(res.type).to.equal('application/problem+json');
    expect(res.body.code).to.equal('UNAUTHENTICATED');
  });

  it('activates an invited account through its one-time link, once', async () => {
    const admin = await createTestUser({ role: 'admin' });
    const adminAgent = browserAgent(foro.url);
    await signIn(adminAgent, admin.email, TEST_PASSWORD);
    const token = await csrfFor(adminAgent, '/admin/users');
    const invited = await adminAgent
      .post('/admin/users')
      .type('form')
      .send({ _csrf: token, name: 'Lucía Rivas', email: 'lucia@example.org', role: 'organizer' });
    expect(invited.status).to.equal(200);
    const url = /value="(http[^"]+\/account\/setup\/[^"]+)"/.exec(invited.text)?.[1];
    expect(url).to.be.a('string');
    const path = new URL(url!).pathname;
    expect(await PrivateLink.countDocuments({ tokenHash: path.split('/').pop() })).to.equal(0);

    const invitee = browserAgent(foro.url);
    const setup = await invitee.get(path);
    expect(setup.status).to.equal(200);
    expect(setup.text).to.contain('lucia@example.org');
    const newPassword = 'un largo camino a Cuenca';
    const saved = await invitee
      .post(path)
      .type('form')
      .send({ _csrf: csrfTokenIn(setup.text), password: newPassword, confirm: newPassword });
    expect(saved.status).to.equal(303);
    await signIn(browserAgent(foro.url), 'lucia@example.org', newPassword);

    // A used one-time link is gone: as unknown as one that never existed.
    const reused = await invitee.get(path).set('Accept-Language', 'en');
    expect(reused.status).to.equal(404);
    expect(reused.text).to.contain('This link does not exist');
  });

  it('refuses an expired invitation link and a forged one', async () => {
    const admin = await createTestUser({ role: 'admin' });
    const agent = browserAgent(foro.url);
    await signIn(agent, admin.email, TEST_PASSWORD);
    const res = await agent
      .post('/admin/users')
      .type('form')
      .send({
        _csrf: await csrfFor(agent, '/admin/users'),
        name: 'Pedro',
        email: 'pedro@example.org',
        role: 'viewer',
      });
    const path = new URL(/value="(http[^"]+)"/.exec(res.text)![1]!).pathname;
    expect((await request(foro.url).get(path)).status).to.equal(200);
    foro.clock.advance(8 * DAY);
    expect((await request(foro.url).get(path)).status).to.equal(410);
    foro.clock.advance(-8 * DAY);
    expect((await request(foro.url).get(`/account/setup/${'A'.repeat(43)}`)).status).to.equal(404);
    expect((await request(foro.url).get('/account/setup/short')).status).to.equal(404);
    expect(
      (await request(foro.url).get(path.replace('/setup/', '/reset/'))).status,
      'wrong purpose',
    ).to.equal(404);
  });

  it('resets a password through an admin-issued link that works once and expires', async () => {
    const admin = await createTestUser({ role: 'admin' });
    const user = await createTestUser();
    const agent = browserAgent(foro.url);
    await signIn(agent, admin.email, TEST_PASSWORD);
    const issue = async () => {
      const res = await agent
        .post(`/admin/users/${user.id}/reset-link`)
        .type('form')
        .send({ _csrf: await csrfFor(agent, `/admin/users/${user.id}`) });
      return new URL(/value="(http[^"]+\/account\/reset\/[^"]+)"/.exec(res.text)![1]!).pathname;
    };
    const first = await issue();
    const second = await issue();
    const owner = browserAgent(foro.url);
    const page = await owner.get(first);
    const fresh = 'a brand new passphrase';
    const mismatch = await owner
      .post(first)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), password: fresh, confirm: 'other' });
    expect(mismatch.status).to.equal(422);
    expect(mismatch.text).to.contain('Las contraseñas no coinciden');
    const done = await owner
      .post(first)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), password: fresh, confirm: fresh });
    expect(done.status).to.equal(303);
    expect((await attempt(user.email, TEST_PASSWORD)).status).to.equal(401);
    await signIn(browserAgent(foro.url), user.email, fresh);
    expect((await owner.get(first)).status, 'used').to.equal(404);
    expect((await owner.get(second)).status, 'another live link still works').to.equal(200);
    foro.clock.advance(3 * DAY);
    expect((await owner.get(second)).status, 'expired').to.equal(410);
    foro.clock.advance(-3 * DAY);
  });

  it('lets two people racing on one link succeed exactly once', async () => {
    const admin = await createTestUser({ role: 'admin' });
    const user = await createTestUser();
    const agent = browserAgent(foro.url);
    await signIn(agent, admin.email, TEST_PASSWORD);
    const res = await agent
      .post(`/admin/users/${user.id}/reset-link`)
      .type('form')
      .send({ _csrf: await csrfFor(agent, `/admin/users/${user.id}`) });
    const path = new URL(/value="(http[^"]+)"/.exec(res.text)![1]!).pathname;
    const racers = await Promise.all(
      [1, 2, 3, 4].map(async (n) => {
        const racer = browserAgent(foro.url);
        const token = csrfTokenIn((await racer.get(path)).text);
        return { n, racer, token };
      }),
    );
    const results = await Promise.all(
      racers.map(({ n, racer, token }) =>
        racer
          .post(path)
          .type('form')
          .send({ _csrf: token, password: `password number ${n}!`, confirm: `password number ${n}!` }),
      ),
    );
    // One winner; the others find the link used (410) or, once it is deleted, gone (404).
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).to.equal(303);
    expect(statuses.slice(1).every((status) => status === 404 || status === 410)).to.equal(true);
  });

  it('changes the own password and signs out the other sessions', async () => {
    const user = await createTestUser();
    const here = browserAgent(foro.url);
    const elsewhere = browserAgent(foro.url);
    await signIn(here, user.email, TEST_PASSWORD);
    await signIn(elsewhere, user.email, TEST_PASSWORD);
    const token = await csrfFor(here, '/account/password');
    const wrong = await here
      .post('/account/password')
      .type('form')
      .send({ _csrf: token, current: 'nope', password: 'x'.repeat(12), confirm: 'x'.repeat(12) });
    expect(wrong.status).to.equal(401);
    const next = 'otra contraseña larga';
    const ok = await here
      .post('/account/password')
      .type('form')
      .send({ _csrf: token, current: TEST_PASSWORD, password: next, confirm: next });
    expect(ok.status).to.equal(200);
    expect((await here.get('/admin/events')).status).to.equal(200);
    expect((await elsewhere.get('/admin/events')).status).to.equal(303);
  });

  it('signs out with a form post', async () => {
    const user = await createTestUser();
    const agent = browserAgent(foro.url);
    await signIn(agent, user.email, TEST_PASSWORD);
    const token = await csrfFor(agent, '/admin/events');
    const res = await agent.post('/logout').type('form').send({ _csrf: token });
    expect(res.status).to.equal(303);
    expect((await agent.get('/admin/events')).status).to.equal(303);
  });

  it('keeps the language of an account’s mails: set when invited, changed by an admin or by its owner, audited', async () => {
    const admin = await createTestUser({ role: 'admin' });
    const adminAgent = browserAgent(foro.url);
    await signIn(adminAgent, admin.email, TEST_PASSWORD);
    const token = await csrfFor(adminAgent, '/admin/users');
    const invite = (fields: Record<string, unknown>) =>
      adminAgent
        .post('/admin/users')
        .type('form')
        .set('Accept-Language', 'en')
        .send({ _csrf: token, name: 'João Silva', email: 'joao@example.org', role: 'organizer', ...fields });
    const refused = await invite({ language: 'fr' });
    expect(refused.status).to.equal(422);
    expect(await User.countDocuments({ email: 'joao@example.org' })).to.equal(0);
    expect((await invite({ language: 'pt' })).status).to.equal(200);
    const joao = (await User.findOne({ email: 'joao@example.org' }).lean())!;
    expect(joao.language).to.equal('pt');

    const page = `/admin/users/${String(joao._id)}`;
    expect((await adminAgent.get(`${page}?lang=es`)).text).to.match(/id="mail-language">Português</);
    const change = (language: unknown) => adminAgent.post(page).type('form').send({ _csrf: token, language });
    expect((await change({ $gt: '' })).status).to.equal(422);
    expect((await change('en')).status).to.equal(303);
    const shown = await adminAgent.get(`${page}?lang=es`);
    expect(shown.text).to.match(/id="mail-language">English</);
    expect(shown.text).to.contain('Idioma de los correos: Português → English');

    // Its owner chooses for themself; another account is untouched.
    const owner = await createTestUser({ role: 'viewer' });
    const ownerAgent = browserAgent(foro.url);
    await signIn(ownerAgent, owner.email, TEST_PASSWORD);
    const own = await ownerAgent.get('/account/password?lang=en');
    expect(own.text).to.contain('Language of your mails').and.contain('Each event’s first language');
    const ownToken = csrfTokenIn(own.text);
    const bad = await ownerAgent
      .post('/account/language')
      .type('form')
      .set('Accept-Language', 'en')
      .send({ _csrf: ownToken, language: 'de' });
    expect(bad.status).to.equal(422);
    const saved = await ownerAgent
      .post('/account/language')
      .type('form')
      .send({ _csrf: ownToken, language: 'pt' });
    expect(saved.status).to.equal(303);
    expect((await ownerAgent.get('/account/password')).text).to.contain(
      'The language of your mails is saved.',
    );
    expect((await User.findById(owner.id).lean())!.language).to.equal('pt');
    expect((await User.findById(joao._id).lean())!.language).to.equal('en');
    // Back to each event's first language: the choice is unset.
    expect((await change('')).status).to.equal(303);
    expect((await User.findById(joao._id).lean())!.language).to.equal(undefined);
    expect((await adminAgent.get(`${page}?lang=en`)).text).to.match(
      /id="mail-language">Each event’s first language</,
    );
    const forged = await browserAgent(foro.url)
      .post('/account/language')
      .type('form')
      .send({ language: 'es' });
    expect(forged.status).to.be.oneOf([303, 403]);
    expect((await User.findById(owner.id).lean())!.language).to.equal('pt');
  });
});
