import { expect } from 'chai';
import { NationalContact } from '../../src/modules/contacts/index.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';

describe('national contacts: each government’s focal points, with their log', () => {
  const foro = useTestForo(import.meta.url);

  const contact = {
    country: 'PE',
    institution: 'foreign_affairs',
    institutionName: 'Ministerio de Relaciones Exteriores del Perú',
    type: 'focal_point',
    honorific: 'Emb.',
    name: 'Rosa Quispe',
    email: 'rquispe@rree.example',
    phone: '+51 1 204 2400',
    language: 'es',
    notes: '=HYPERLINK("http://x","y")',
  } as const;

  it('records a focal point, keeps a log of notes, and exports CSV safe for spreadsheets', async () => {
    const { agent } = await signedInAs(foro.url, 'organizer');
    const form = await agent.get('/admin/contacts/new');
    const created = await agent
      .post('/admin/contacts')
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), ...contact, position: '' });
    expect(created.status).to.equal(303);
    const path = created.headers['location'] as string;
    const page = await agent.get(path);
    const noted = await agent
      .post(`${path}/notes`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), text: 'Llamada: confirma que enviará la nota verbal.' });
    expect(noted.status).to.equal(303);
    expect((await agent.get(path)).text).to.include('Llamada: confirma que enviará la nota verbal.');

    const csv = await agent.get('/admin/contacts.csv?country=PE');
    expect(csv.text).to.include('+51 1 204 2400');
    expect(csv.text).to.include(`"'=HYPERLINK(""http://x"",""y"")"`);
    const bad = await agent
      .post('/admin/contacts')
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), ...contact, country: 'XX' });
    expect(bad.status).to.equal(422);
    expect((await agent.get('/admin/contacts').query({ 'country[$gt]': '' })).status).to.equal(422);
  });

  it('shows viewers who the contacts are, not how to reach them', async () => {
    await NationalContact.create(contact);
    const viewer = await signedInAs(foro.url, 'viewer');
    const list = await viewer.agent.get('/admin/contacts');
    expect(list.text).to.include('Rosa Quispe');
    expect(list.text).not.to.include('rquispe@rree.example');
    expect((await viewer.agent.get('/admin/contacts.csv')).status).to.equal(403);
  });

  it('imports contacts from CSV after a preview that names each bad row by its line, once', async () => {
    const { agent } = await signedInAs(foro.url, 'organizer');
    const csrf = csrfTokenIn((await agent.get('/admin/contacts/import')).text);
    const csv = [
      'country;type;name;email;language;institution_name',
      'BR;focal_point;Ana Souza;ana@itamaraty.example;pt;Itamaraty',
      'XX;focal_point;Sin País;x@example.org;es;',
      'EC;local_authority;Municipalidad de Cuenca;relaciones@cuenca.example;es;Municipalidad',
    ].join('\n');
    const uploaded = await agent
      .post(`/admin/contacts/import?_csrf=${encodeURIComponent(csrf)}`)
      .attach('file', Buffer.from(csv), 'contactos.csv');
    expect(uploaded.status).to.equal(303);
    const preview = await agent.get(uploaded.headers['location'] as string);
    expect(preview.text).to.match(/<td>3<\/td><td><div><code>country<\/code>/);
    expect(await NationalContact.countDocuments()).to.equal(0);
    const confirm = () =>
      agent
        .post(`${uploaded.headers['location'] as string}/confirm`)
        .type('form')
        .send({ _csrf: csrf });
    const results = await Promise.all([confirm(), confirm()]);
    expect(results.map((r) => r.status).sort()).to.deep.equal([303, 410]);
    expect(await NationalContact.countDocuments()).to.equal(2);
    const brazil = await NationalContact.findOne({ country: 'BR' }).lean();
    expect(brazil).to.include({ name: 'Ana Souza', institutionName: 'Itamaraty', language: 'pt' });
  });
});
