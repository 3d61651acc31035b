import { expect } from 'chai';
import request from 'supertest';
import { Person } from '../../src/modules/people/index.js';
import { ImportDraft } from '../../src/modules/imports/draft.model.js';
import { LIMITS } from '../../src/shared/limits.js';
import { Migration, migrate } from '../../src/db/migrations.js';
import { keyOlderPeopleByName, numberOlderPeople } from '../../src/modules/people/index.js';
import { createTestPerson } from '../factories/people.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfFor, signIn } from '../support/http.js';

describe('people: directory, search, CSV', () => {
  const foro = useTestForo(import.meta.url);

  async function signedIn(role: 'admin' | 'organizer' | 'viewer') {
    const user = await createTestUser({ role });
    const agent = browserAgent(foro.url);
    await signIn(agent, user.email, TEST_PASSWORD);
    return agent;
  }

  it('adds a person from the form, and refuses the same email in another case', async () => {
    const agent = await signedIn('organizer');
    const token = await csrfFor(agent, '/admin/people/new');
    const form = {
      _csrf: token,
      honorific: 'Dra.',
      givenName: 'Rosa',
      familyName: 'Quispe',
      organization: 'FLACSO Ecuador',
      sector: 'academia',
      country: 'EC',
      email: 'Rosa.Quispe@Flacso.example',
      phone: '+593 2 294 6800',
      biography_es: 'Investigadora.',
    };
    const res = await agent.post('/admin/people').type('form').send(form);
    expect(res.status).to.equal(303);
    const stored = await Person.findOne().lean();
    expect(stored).to.include({
      email: 'rosa.quispe@flacso.example',
      emailKey: 'rosa.quispe@flacso.example',
    });
    expect(stored, 'an empty field is not stored').to.not.have.property('gender');
    const again = await agent
      .post('/admin/people')
      .type('form')
      .set('Accept-Language', 'en')
      .send({ ...form, email: 'ROSA.quispe@flacso.example' });
    expect(again.status).to.equal(409);
    expect(again.text).to.contain('Someone in the directory already has the email');
    expect(again.text, 'what was typed stays').to.contain('value="Quispe"');
  });

  it('keeps many people without email (never null, sparse unique index)', async () => {
    await createTestPerson({ givenName: 'A' });
    await createTestPerson({ givenName: 'B' });
    const stored = await Person.find().lean();
    expect(stored).to.have.length(2);
    for (const person of stored) expect(person).to.not.have.property('emailKey');
  });

  it('pages the directory in the order people were added, never skipping or repeating one added meanwhile', async () => {
    const added: string[] = [];
    for (let i = 0; i < 130; i += 1)
      added.push((await createTestPerson({ familyName: `Orden ${i}`, country: i % 2 ? 'EC' : 'PE' })).id);
    const agent = await signedIn('admin');
    const ids = (html: string) =>
      [...html.matchAll(/href="\/admin\/people\/([a-f0-9]{24})"/g)].map((m) => m[1]!);
    const next = (html: string) => /rel="next" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    let page = await agent.get('/admin/people').set('Accept-Language', 'en');
    expect(page.text).to.contain('130 people').and.contain('In the order they were added, 50 per page');
    const seen = ids(page.text);
    for (let i = 0; i < 5; i += 1) added.push((await createTestPerson({ familyName: `Tarde ${i}` })).id);
    for (let link = next(page.text); link; link = next(page.text)) {
      page = await agent.get(`/admin/people${link}`);
      seen.push(...ids(page.text));
    }
    expect(seen).to.deep.equal(added);

    // A filter keeps its place in the links; the API pages with the same cursors.
    const peru = await agent.get('/api/v1/people?country=PE').expect(200);
    expect(peru.body.people).to.have.length(50);
    const rest = await agent.get(`/api/v1/people?country=PE&after=${peru.body.next}`).expect(200);
    expect(rest.body.people.map((p: { id: string }) => p.id)).to.deep.equal(
      added.filter((_, i) => i < 130 && i % 2 === 0).slice(50),
    );
    expect(rest.body.next).to.equal(undefined);
    expect((await agent.get('/api/v1/people?after=%7B%22%24gt%22%3A%22%22%7D')).status).to.equal(422);
  });

  it('finds people by the beginnings of their words through a stored key, and numbers those added before it', async () => {
    const rosa = await createTestPerson({
      givenName: 'Rosa',
      familyName: 'Quispe-Huamán',
      organization: 'FLACSO',
    });
    await createTestPerson({ givenName: 'Rosalía', familyName: 'Andrade' });
    // A person written before the directory kept blocks and keys is given them when Foro starts.
    await Person.updateOne({ _id: rosa.id }, { $unset: { block: 1, nameKeys: 1 } });
    await Migration.deleteOne({ _id: numberOlderPeople.name });
    await migrate([numberOlderPeople]);
    const migrated = await Person.findById(rosa.id).lean();
    expect(migrated?.nameKeys).to.include.members(['ro', 'rosa', 'qu', 'quispe', 'huaman', 'flacso']);
    expect(migrated?.block).to.be.a('number');

    const agent = await signedIn('organizer');
    const names = async (q: string) =>
      (await agent.get(`/api/v1/people?q=${encodeURIComponent(q)}`).expect(200)).body.people.map(
        (p: { givenName: string }) => p.givenName,
      );
    expect(await names('ros')).to.deep.equal(['Rosalía', 'Rosa'], 'Rosa, numbered at the start, comes last');
    expect(await names('HUAMAN ro')).to.deep.equal(['Rosa']);
    expect(await names('flac')).to.deep.equal(['Rosa']);
    expect(await names('ispe'), 'the middle of a word is not looked up').to.deep.equal([]);
    const short = await agent.get('/admin/people?q=r').set('Accept-Language', 'en');
    expect(short.text).to.contain('Type at least two letters');
    const listed = await agent.get('/admin/people').set('Accept-Language', 'en');
    expect(listed.text).to.contain('Quispe-Huamán');
  });

  it('stores a name sort key in Spanish order when a person is written, and gives it to older records', async () => {
    const barcena = await createTestPerson({ givenName: 'Alicia', familyName: 'Bárcena' });
    const nandu = await createTestPerson({ givenName: 'Ñusta', familyName: 'Ñandú' });
    const stored = async (id: string) => (await Person.findById(id).lean())!.sortKey!;
    expect(await stored(barcena.id)).to.equal('barcena  alicia');
    await Person.updateOne({ _id: nandu.id }, { $unset: { sortKey: 1 } });
    await Migration.deleteOne({ _id: keyOlderPeopleByName.name });
    await migrate([keyOlderPeopleByName]);
    expect(await stored(nandu.id)).to.equal('n~andu  n~usta');
    const keys = [
      await stored(nandu.id),
      'nyberg  ana',
      'nunez  ana',
      await stored(barcena.id),
      'beltrand  ana',
    ];
    expect(keys.sort()).to.deep.equal([
      'barcena  alicia',
      'beltrand  ana',
      'nunez  ana',
      'nyberg  ana',
      'n~andu  n~usta',
    ]);
  });

  it('finds people ignoring case and accents, by organization, country and sector', async () => {
    await createTestPerson({
      givenName: 'José',
      familyName: 'Martínez',
      organization: 'OIM',
      country: 'EC',
      sector: 'international_organization',
    });
    await createTestPerson({
      givenName: 'Ana',
      familyName: 'Pérez',
      organization: 'Universidad de Cuenca',
      country: 'EC',
      sector: 'academia',
    });
    await createTestPerson({
      givenName: 'João',
      familyName: 'Silva',
      organization: 'Itamaraty',
      country: 'BR',
      sector: 'government',
    });
    const agent = await signedIn('viewer');
    const names = async (query: string) => {
      const res = await agent.get(`/api/v1/people?${query}`);
      expect(res.status, query).to.equal(200);
      return res.body.people.map((p: { familyName: string }) => p.familyName);
    };
    expect(await names('q=jose')).to.deep.equal(['Martínez']);
    expect(await names('q=MARTINEZ%20jos')).to.deep.equal(['Martínez']);
    expect(await names('q=joao')).to.deep.equal(['Silva']);
    expect(await names('q=cuenca')).to.deep.equal(['Pérez']);
    expect(await names('country=EC')).to.deep.equal(['Martínez', 'Pérez']);
    expect(await names('sector=government')).to.deep.equal(['Silva']);
    expect(await names('q=(.*')).to.deep.equal([]);
    expect((await agent.get('/api/v1/people?sector=astrology')).status).to.equal(422);
    expect(
      (await agent.get('/admin/people?q=jose&lang=pt')).status,
      'the language switch keeps the search',
    ).to.equal(200);
    const page = await agent.get('/admin/people?q=p%C3%A9rez');
    expect(page.text).to.contain('Pérez').and.not.contain('Silva');
  });

  it('hides contact details from viewers, in pages, API and export', async () => {
    const person = await createTestPerson({ email: 'secret@example.org', phone: '+34 91 000 0000' });
    const viewer = await signedIn('viewer');
    for (const path of [
      '/admin/people',
      `/admin/people/${person.id}`,
      '/admin/people/export.csv',
      `/api/v1/people/${person.id}`,
      '/api/v1/people',
    ]) {
      const res = await viewer.get(path);
      expect(res.status, path).to.equal(200);
      expect(res.text, path).to.not.contain('secret@example.org');
      expect(res.text, path).to.not.contain('91 000 0000');
    }
    expect((await viewer.get('/admin/people/new')).status).to.equal(403);
    expect((await viewer.post('/api/v1/people').send({ givenName: 'X', familyName: 'Y' })).status).to.equal(
      403,
    );
    const organizer = await signedIn('organizer');
    expect((await organizer.get(`/admin/people/${person.id}`)).text).to.contain('secret@example.org');
  });

  it('exports CSV with formulas neutralized and phones kept', async () => {
    await createTestPerson({
      familyName: 'Torres',
      organization: '=HYPERLINK("http://evil.example","x")',
      phone: '+593 7 284 1234',
    });
    const agent = await signedIn('organizer');
    const res = await agent.get('/admin/people/export.csv');
    expect(res.headers['content-type']).to.match(/^text\/csv/);
    expect(res.headers['content-disposition']).to.contain('foro-people.csv');
    expect(res.text).to.contain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(res.text).to.contain(',+593 7 284 1234,');
  });

  it('edits a person, clearing a field, and records the change', async () => {
    const person = await createTestPerson({ position: 'Director', email: 'x@example.org' });
    const agent = await signedIn('organizer');
    const res = await agent
      .patch(`/api/v1/people/${person.id}`)
      .send({ position: null, organization: 'SEGIB', email: null });
    expect(res.status).to.equal(200);
    expect(res.body).to.not.have.property('position');
    expect(res.body.organization).to.equal('SEGIB');
    const stored = await Person.findById(person.id).lean();
    expect(stored).to.not.have.property('emailKey');
    expect(stored?.searchText).to.contain('segib');
    const page = await agent.get(`/admin/people/${person.id}`);
    expect(page.text).to.match(/modificó los datos de la persona\./);
    expect(page.text)
      .to.contain('Cargo: Director → —')
      .and.match(/Organización: [^<]* → SEGIB/);
    expect((await agent.patch(`/api/v1/people/${person.id}`).send({ givenName: null })).status).to.equal(422);
  });

  describe('CSV import', () => {
    const csv = [
      'given_name,family_name,organization,country,email,sector',
      'Carmen,Vidal,OIT,ES,carmen@example.org,international_organization',
      ',Sin Nombre,,EC,,',
      'Pedro,Lima,UNICAMP,BR,not-an-email,academia',
      'Marta,Ruiz,CEPAL,CL,existing@example.org,',
      'Luisa,Ortega,ACNUR,CR,,international_organization',
    ].join('\n');

    async function upload(
      agent: ReturnType<typeof browserAgent>,
      content: string | Buffer,
      name = 'people.csv',
    ) {
      const token = await csrfFor(agent, '/admin/people/import');
      return agent.post(`/admin/people/import?_csrf=${token}`).attach('file', Buffer.from(content), name);
    }

    it('previews every bad row by line number, saves nothing, then imports the good rows once', async () => {
      await createTestPerson({ email: 'existing@example.org' });
      const agent = await signedIn('organizer');
      const uploaded = await upload(agent, csv);
      expect(uploaded.status).to.equal(303);
      const preview = await agent.get(uploaded.headers['location'] as string).set('Accept-Language', 'en');
      expect(preview.text).to.contain('5 rows, 2 valid, 3 with problems');
      expect(preview.text).to.match(/<td>3<\/td><td><div><code>givenName<\/code>: This field is required/);
      expect(preview.text).to.match(
        /<td>4<\/td><td><div><code>email<\/code>: The email address is not valid/,
      );
      expect(preview.text).to.match(
        /<td>5<\/td><td><div><code>email<\/code>: Someone in the directory already has this email/,
      );
      expect(await Person.countDocuments(), 'nothing saved yet').to.equal(1);

      const token = await csrfFor(agent, uploaded.headers['location'] as string);
      const confirmPath = `${uploaded.headers['location']}/confirm`;
      const [first, second] = await Promise.all([
        agent.post(confirmPath).type('form').send({ _csrf: token }),
        agent.post(confirmPath).type('form').send({ _csrf: token }),
      ]);
      expect([first.status, second.status].sort()).to.deep.equal([200, 410]);
      expect(await Person.countDocuments()).to.equal(3);
      expect((await Person.find({ familyName: 'Vidal' }).lean())[0]?.emailKey).to.equal('carmen@example.org');
      expect(await ImportDraft.countDocuments()).to.equal(0);
    });

    it('reads Windows-1252 files from spreadsheet programs', async () => {
      const agent = await signedIn('organizer');
      const latin1 = Buffer.from('given_name;family_name\nJosé;Núñez\n', 'latin1');
      const uploaded = await upload(agent, latin1);
      const preview = await agent.get(uploaded.headers['location'] as string);
      expect(preview.text).to.contain('José Núñez');
    });

    it('refuses an oversized file with 413, a broken one with 422, and a missing file', async () => {
      const agent = await signedIn('organizer');
      const big = await upload(agent, Buffer.alloc(LIMITS.uploadBytes + 1, 'a'));
      expect(big.status).to.equal(413);
      const broken = await upload(agent, 'given_name,family_name\n"unclosed,x\n');
      expect(broken.status).to.equal(422);
      expect(broken.text).to.contain('No se pudo leer el CSV');
      const token = await csrfFor(agent, '/admin/people/import');
      const none = await agent.post(`/admin/people/import?_csrf=${token}`).field('x', '1');
      expect(none.status).to.equal(422);
      const noToken = await agent.post('/admin/people/import').attach('file', Buffer.from(csv), 'p.csv');
      expect(noToken.status, 'uploads need their CSRF token too').to.equal(403);
      expect(await Person.countDocuments()).to.equal(0);
    });

    it("keeps one organizer's preview from others", async () => {
      const owner = await signedIn('organizer');
      const uploaded = await upload(owner, csv);
      const other = await signedIn('organizer');
      expect((await other.get(uploaded.headers['location'] as string)).status).to.equal(404);
    });
  });

  it('answers unknown people ids with 404', async () => {
    const agent = await signedIn('viewer');
    expect((await agent.get('/admin/people/nope')).status).to.equal(404);
    expect((await agent.get('/api/v1/people/000000000000000000000000')).status).to.equal(404);
    expect((await request(foro.url).get('/api/v1/people')).status).to.equal(401);
  });
});
