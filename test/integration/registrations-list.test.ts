import { expect } from 'chai';
import { parse as parseCsv } from 'csv-parse/sync';
import { Types } from 'mongoose';
import { Registration } from '../../src/modules/registrations/index.js';
import { createPublishedEvent } from '../factories/events.js';
import { createTestRegistration, insertBulkRegistrations } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';
import { csrfFor, signedInAs } from '../support/http.js';
import { binaryBody, readPdf } from '../support/pdf.js';
import { getPerson, Person, updatePerson } from '../../src/modules/people/index.js';
import { Migration, migrate } from '../../src/db/migrations.js';
import { copyListings, refreshListings } from '../../src/modules/registrations/lists/listing.js';
import request from 'supertest';
import { recountLetters } from '../../src/modules/documents/index.js';
import { CheckIn } from '../../src/modules/documents/checkin/checkin.model.js';
import { getEvent } from '../../src/modules/events/index.js';

describe('registrations: every one reachable, a page at a time, and the whole list as CSV', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url);

  async function eventWith(n: number) {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const { id } = await createTestRegistration(
        event.id,
        {
          givenName: 'Persona',
          familyName: `N${String(i).padStart(3, '0')}`,
          email: `p${i}@example.org`,
          organization: i === 0 ? '=HYPERLINK("http://x")' : 'FLACSO',
        },
        { category: 'academia', status: i % 3 === 0 ? 'waitlisted' : 'confirmed' },
      );
      ids.push(id);
    }
    return { organizer, event, ids };
  }

  const rowIds = (html: string) => [...html.matchAll(/name="ids" value="([a-f0-9]{24})"/g)].map((m) => m[1]!);
  const link = (html: string, rel: 'next' | 'prev') => {
    const href = new RegExp(`rel="${rel}" href="([^"]+)"`).exec(html)?.[1];
    return href?.replace(/&amp;/g, '&');
  };

  it('pages through 120 registrations in arrival order, forwards and back, with the total', async () => {
    const { organizer, event, ids } = await eventWith(120);
    const base = `/admin/events/${event.id}/registrations`;
    const seen: string[] = [];
    let page = await organizer.agent.get(base).set('Accept-Language', 'en');
    expect(page.text).to.contain('50 of 120 registrations');
    expect(link(page.text, 'prev')).to.equal(undefined);
    seen.push(...rowIds(page.text));
    for (let next = link(page.text, 'next'); next; next = link(page.text, 'next')) {
      page = await organizer.agent.get(`${base}${next}`).set('Accept-Language', 'en');
      expect(page.status).to.equal(200);
      seen.push(...rowIds(page.text));
    }
    expect(seen, 'each once, in arrival order').to.deep.equal(ids);
    const back = await organizer.agent.get(`${base}${link(page.text, 'prev')}`);
    expect(rowIds(back.text)).to.deep.equal(ids.slice(50, 100));

    const confirmed = await organizer.agent.get(`${base}?status=confirmed`).set('Accept-Language', 'en');
    expect(confirmed.text).to.contain('50 of 80 registrations');
    expect(link(confirmed.text, 'next')).to.contain('status=confirmed');
    expect((await organizer.agent.get(`${base}?after=nope`)).status).to.equal(422);
  });

  it('never skips or repeats a registration while others register between pages', async () => {
    const { organizer, event, ids } = await eventWith(75);
    const base = `/admin/events/${event.id}/registrations`;
    let page = await organizer.agent.get(base);
    const seen = rowIds(page.text);
    const late: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const { id } = await createTestRegistration(
        event.id,
        { givenName: 'Tardía', familyName: `T${i}`, email: `late${i}@example.org` },
        { category: 'academia', status: 'confirmed' },
      );
      late.push(id);
    }
    for (let next = link(page.text, 'next'); next; next = link(page.text, 'next')) {
      page = await organizer.agent.get(`${base}${next}`);
      seen.push(...rowIds(page.text));
    }
    expect(seen, 'the first 75 once each, in order, then the newcomers').to.deep.equal([...ids, ...late]);
  });

  it('shows the public list a hundred at a time, only those who agreed, each once', async () => {
    const { event } = await eventWith(170);
    await createTestRegistration(
      event.id,
      { givenName: 'Oculta', familyName: 'Reservada', email: 'hidden@example.org' },
      { category: 'academia', consentToList: false },
    );
    const base = `/events/${event.slug}/participants`;
    let page = await request(foro.url).get(`${base}?lang=en`);
    expect(page.text).to.contain('In order of registration, 100 per page.');
    const names = (html: string) => [...html.matchAll(/<td>Persona (N\d{3})<\/td>/g)].map((m) => m[1]!);
    const seen = names(page.text);
    expect(seen).to.have.length(100);
    for (let next = link(page.text, 'next'); next; next = link(page.text, 'next')) {
      page = await request(foro.url).get(`${base}${next}`);
      seen.push(...names(page.text));
    }
    const confirmed = Array.from({ length: 170 }, (_, i) => i)
      .filter((i) => i % 3 !== 0)
      .map((i) => `N${String(i).padStart(3, '0')}`);
    expect(seen).to.deep.equal(confirmed);
    expect(page.text).to.not.contain('Reservada');
    expect((await request(foro.url).get(`${base}?after=1.zz`)).status).to.equal(422);
  });

  it('pages the API list with a next cursor: addresses for the team, none for a viewer', async () => {
    const { organizer, event, ids } = await eventWith(120);
    const path = `/api/v1/events/${event.id}/registrations`;
    const seen: string[] = [];
    let body = (await organizer.agent.get(path).expect(200)).body;
    expect(body.registrations[0]).to.include({ familyName: 'N000', email: 'p0@example.org' });
    seen.push(...body.registrations.map((r: { id: string }) => r.id));
    while (body.next) {
      body = (await organizer.agent.get(`${path}?after=${body.next}`).expect(200)).body;
      seen.push(...body.registrations.map((r: { id: string }) => r.id));
    }
    expect(seen).to.deep.equal(ids);
    const viewer = await signedInAs(foro.url, 'viewer');
    const seenByViewer = (await viewer.agent.get(`${path}?status=waitlisted`).expect(200)).body;
    expect(seenByViewer.registrations).to.have.length(40);
    expect(JSON.stringify(seenByViewer)).to.not.contain('@example.org');
    const wrong = await organizer.agent.get(`${path}?after=${encodeURIComponent('{"$gt":""}')}`);
    expect(wrong.status).to.equal(422);
  });

  it('exports every registration as CSV: addresses for the team, none for a viewer, formulas neutralized', async () => {
    const { organizer, event } = await eventWith(60);
    const csv = await organizer.agent.get(`/admin/events/${event.id}/registrations.csv`).buffer(true);
    expect(csv.status).to.equal(200);
    expect(csv.headers['content-type']).to.match(/^text\/csv/);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows).to.have.length(60);
    expect(rows[0]).to.include({
      family_name: 'N000',
      email: 'p0@example.org',
      organization: `'=HYPERLINK("http://x")`,
    });
    expect(rows.map((r) => r['family_name'])).to.deep.equal(
      rows.map((_, i) => `N${String(i).padStart(3, '0')}`),
    );

    const viewer = await signedInAs(foro.url, 'viewer');
    const seen = await viewer.agent
      .get(`/admin/events/${event.id}/registrations.csv?status=waitlisted`)
      .buffer(true);
    const waiting = parseCsv(seen.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(waiting).to.have.length(20);
    expect(Object.keys(waiting[0]!)).to.not.include('email');
    expect(seen.text).to.not.contain('@example.org');
  });

  it('lists each person as they are now: a change shows in the list, the public page and the CSV', async () => {
    const { organizer, event, ids } = await eventWith(3);
    // A registration written before lists kept their copy is given one when Foro starts.
    await Registration.updateOne({ _id: ids[1] }, { $unset: { listing: 1 } });
    await Migration.deleteOne({ _id: copyListings.name });
    await migrate([copyListings]);
    const migrated = await Registration.findById(ids[1]).lean();
    expect(migrated?.listing).to.include({
      givenName: 'Persona',
      familyName: 'N001',
      email: 'p1@example.org',
    });

    const path = `/admin/people/${migrated!.personId}`;
    const token = await csrfFor(organizer.agent, `${path}/edit`);
    const saved = await organizer.agent
      .post(path)
      .type('form')
      .send({ _csrf: token, givenName: 'Persona', familyName: 'Renombrada', organization: 'CELADE' });
    expect(saved.status).to.equal(303);
    const list = await organizer.agent.get(`/admin/events/${event.id}/registrations`);
    expect(list.text).to.contain('Renombrada').and.not.contain('N001');
    const listed = await request(foro.url).get(`/events/${event.slug}/participants`);
    expect(listed.text).to.contain('Renombrada').and.contain('CELADE');
    const csv = await organizer.agent.get(`/admin/events/${event.id}/registrations.csv`).buffer(true);
    expect(csv.text).to.contain('Renombrada').and.not.contain('N001');
  });

  it('keeps the latest copy of a person when an earlier edit’s copy is written last', async () => {
    const { ids } = await eventWith(1);
    const registration = await Registration.findById(ids[0]).lean();
    const before = await getPerson(registration!.personId);
    const actor = { label: 'test', via: 'cli' as const };
    await updatePerson(before.id, { familyName: 'Posterior' }, actor, foro.clock, refreshListings);
    // The copy of an edit that began earlier lands after: it must not win.
    await refreshListings({ ...before, familyName: 'Anterior' });
    const after = await Registration.findById(ids[0]).lean();
    expect(after?.listing?.familyName).to.equal('Posterior');
  });

  it('finds people at the door by the beginnings of their names, 30 at most, and asks for more of a common one', async () => {
    const { organizer, event } = await eventWith(60);
    const door = (q: string) =>
      organizer.agent
        .get(`/admin/events/${event.id}/check-in?q=${encodeURIComponent(q)}`)
        .set('Accept-Language', 'en');
    const names = (html: string) => [...html.matchAll(/Persona (N\d{3})/g)].map((m) => m[1]);
    const common = await door('perso');
    expect(names(common.text)).to.have.length(30);
    expect(common.text).to.contain('More than 30 people match');
    const one = await door('n001 PERSONA');
    expect(names(one.text)).to.deep.equal(['N001']);
    expect(one.text).to.not.contain('More than 30');
    expect(names((await door('n000')).text), 'waiting, not at the door').to.deep.equal([]);
  });

  it('prints the badges of more than 500 people as numbered parts in family-name order, linked from the downloads page', async function () {
    this.timeout(120_000);
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    const people = Array.from({ length: 505 }, (_, i) => ({
      _id: new Types.ObjectId(),
      givenName: 'Delegada',
      familyName: `Apellido ${String(i).padStart(3, '0')}`,
    }));
    await Person.insertMany(people.map((p) => ({ ...p, searchText: `${p.givenName} ${p.familyName}` })));
    await insertBulkRegistrations(event.id, people.length, (i) => ({
      personId: people[i]!._id.toHexString(),
      listing: { givenName: people[i]!.givenName, familyName: people[i]!.familyName },
      block: 0,
    }));
    const list = await organizer.agent
      .get(`/admin/events/${event.id}/downloads`)
      .set('Accept-Language', 'en');
    expect(list.text)
      .to.contain('Badges (PDF) in parts of 500')
      .and.contain('aria-label="Badges, part 2 of 2 (PDF)"');
    const part = (n: number) =>
      organizer.agent.get(`/admin/events/${event.id}/badges.pdf?part=${n}`).buffer(true).parse(binaryBody);
    const second = await part(2);
    expect(second.status).to.equal(200);
    expect(second.headers['content-disposition']).to.contain('badges-2-of-2.pdf');
    const text = (await readPdf(second.body as Buffer)).text;
    for (const n of ['500', '501', '502', '503', '504']) expect(text).to.contain(`Apellido ${n}`);
    expect(text).to.not.contain('Apellido 499');
    expect((await part(3)).status).to.equal(404);
    // 505 entries make one part of the participant list: a second part does not exist.
    expect(list.text).to.contain('Full list (PDF)');
    const listPart = (n: string) =>
      organizer.agent
        .get(`/admin/events/${event.id}/participants.pdf?part=${n}`)
        .buffer(true)
        .parse(binaryBody);
    expect((await listPart('1')).status).to.equal(200);
    expect((await listPart('2')).status).to.equal(404);
    expect((await listPart('x')).status).to.equal(422);
    // More rows than a batch of the export: each once.
    const csv = await organizer.agent.get(`/admin/events/${event.id}/registrations.csv`).buffer(true);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((r) => r['family_name'])).size).to.equal(505);
    expect(rows).to.have.length(505);
    expect((await organizer.agent.get(`/admin/events/${event.id}/badges.pdf?part=0`)).status).to.equal(422);
  });

  it('prints a participant list of more than 5,000 in parts, each entry in one part, in the list order', async function () {
    this.timeout(120_000);
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    // Inserted in reverse: the list's order (by family name) is not the order of registration.
    await insertBulkRegistrations(event.id, 5010, (i) => ({
      listing: { givenName: 'Ana', familyName: `Apellido ${String(5009 - i).padStart(4, '0')}` },
      consentToList: true,
    }));
    const part = (n: number) =>
      organizer.agent
        .get(`/admin/events/${event.id}/participants.pdf?part=${n}&lang=en`)
        .buffer(true)
        .parse(binaryBody);
    const second = await part(2);
    expect(second.status).to.equal(200);
    const text = (await readPdf(second.body as Buffer)).text;
    expect(text).to.contain('part 2 of 2').and.contain('5010');
    for (const n of ['5000', '5005', '5009']) expect(text).to.contain(`Apellido ${n}`);
    expect(text).to.not.contain('Apellido 4999');
    expect((await part(3)).status).to.equal(404);
  });

  it('gives documents and dashboards every registration, not the first 5,000', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    await insertBulkRegistrations(event.id, 5100);

    // A large event: pages read a few blocks; figures come from a count kept with its time.
    const base = `/admin/events/${event.id}/registrations`;
    const first = await organizer.agent.get(base).set('Accept-Language', 'en');
    expect(first.text).to.contain('50 of 5100 registrations');
    expect(first.text).to.contain('figures counted at');
    let deep = first;
    for (let i = 0; i < 3; i += 1) deep = await organizer.agent.get(`${base}${link(deep.text, 'next')}`);
    expect(rowIds(deep.text)).to.have.length(50);
    const coverage = await organizer.agent
      .get(`/admin/events/${event.id}/coverage`)
      .set('Accept-Language', 'en');
    expect(coverage.text).to.contain('Counted at').and.contain('rooming list is too long for this page');
    expect(coverage.text).to.match(/ 5100<\/td>/);
    const door = await organizer.agent.get(`/admin/events/${event.id}/check-in`).set('Accept-Language', 'en');
    expect(door.status).to.equal(200);
    expect(door.text, 'the door shows presence counted on the timer').to.contain('id="counted-at"');
    // Letters too: counted by the timer, which a check-in reaches at its next round.
    const letters = () =>
      organizer.agent.get(`/admin/events/${event.id}/letters`).set('Accept-Language', 'en');
    const before = await letters();
    expect(before.text).to.contain('id="counted-at"').and.contain('Certificates of attendance: none yet.');
    const [someone] = await Registration.find({ eventId: event.id }, { _id: 1 }).limit(1).lean();
    await CheckIn.create({
      _id: `${String(someone!._id)}:2008-04-10`,
      eventId: event.id,
      registrationId: String(someone!._id),
      day: '2008-04-10',
      category: 'academia',
      at: new Date(),
      by: 'test',
    });
    await recountLetters(await getEvent(event.id), foro.clock);
    expect((await letters()).text).to.contain('Certificates of attendance (PDF, 1)');
    const none = await organizer.agent.get(`${base}?status=rejected`).set('Accept-Language', 'en');
    expect(none.status).to.equal(200);
    expect(rowIds(none.text)).to.deep.equal([]);
  });
});
