import { expect } from 'chai';
import { Bilateral, BilateralBooking, numberOlderBilaterals } from '../../src/modules/bilaterals/index.js';
import { OfferedSlot, slotsOf } from '../../src/modules/side-events/index.js';
import { createFocalPoint, inviteDelegation } from '../factories/delegations.js';
import { createPublishedEvent } from '../factories/events.js';
import { useTestForo } from '../support/foro.js';
import { isPlainEquality, queriesDuring } from '../support/queries.js';
import { browserAgent, csrfTokenIn, signedInAs } from '../support/http.js';
import { parseCalendar } from '../support/ical.js';
import { binaryBody, readPdf } from '../support/pdf.js';

const COUNTRIES: Record<string, 'es' | 'pt' | 'en'> = { EC: 'en', PE: 'es', CU: 'es', DO: 'pt' };
type Country = 'EC' | 'PE' | 'CU' | 'DO';
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('bilateral schedules: the secretariat’s PDF, each delegation’s own list and feed, the public sees only busy rooms', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url, {
    env: { REGISTRATION_RATE_LIMIT_PER_ADDRESS: '1000', LINK_RATE_LIMIT_PER_ADDRESS: '1000' },
  });

  /**
   * Four delegations; Sala Azuay cut into two bilateral slots on the 10th; the organizers book
   * Ecuador–Peru at 13:00 and Cuba–Dominican Republic at 13:30; Peru asks Cuba for another (not booked).
   */
  async function forum() {
    const organizer = await signedInAs(foro.url, 'organizer');
    await organizer.agent.get('/admin?lang=en');
    const event = await createPublishedEvent({ countries: Object.keys(COUNTRIES) }, organizer.actor);
    const csrf = csrfTokenIn((await organizer.agent.get(`/admin/events/${event.id}/delegations`)).text);
    const azuay = event.rooms.find((r) => r.name === 'Sala Azuay')!;
    const added = await organizer.agent.post(`/admin/events/${event.id}/bilaterals/slots`).type('form').send({
      _csrf: csrf,
      roomId: azuay.id,
      date: '2008-04-10',
      start: '13:00',
      end: '14:00',
      minutes: '30',
    });
    expect(added.status).to.equal(303);
    const focal = {} as Record<Country, { token: string; id: string }>;
    for (const [country, language] of Object.entries(COUNTRIES) as [Country, 'es' | 'pt' | 'en'][]) {
      const contact = await createFocalPoint(country, language);
      const { token, delegationId } = await inviteDelegation(organizer.agent, event.id, contact);
      focal[country] = { token, id: delegationId };
    }
    const slots = await slotsOf(event.id, 'bilateral');
    const book = (askingId: string, askedId: string, slotId: string, subject: string) =>
      organizer.agent
        .post(`/admin/events/${event.id}/bilaterals`)
        .type('form')
        .send({ _csrf: csrf, askingId, askedId, slotId, subject, level: 'senior_official' });
    expect((await book(focal.EC.id, focal.PE.id, slots[0]!.id, 'Consular cooperation')).status).to.equal(303);
    expect((await book(focal.CU.id, focal.DO.id, slots[1]!.id, 'Sugar trade quotas')).status).to.equal(303);
    const peru = browserAgent(foro.url);
    const page = await peru.get(`/nominations/${focal.PE.token}/bilaterals`);
    const asked = await peru
      .post(`/nominations/${focal.PE.token}/bilaterals`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(page.text),
        askedId: focal.CU.id,
        slotIds: [slots[1]!.id],
        subject: 'Fisheries dialogue',
        level: 'expert',
      });
    expect(asked.status).to.equal(303);
    return { organizer, event, focal, slots };
  }

  it('prints the schedule per day and room as a PDF in es, pt and en, for the organizers only', async () => {
    const { organizer, event } = await forum();
    const pdfOf = async (lang: string) => {
      const res = await organizer.agent
        .get(`/admin/events/${event.id}/bilaterals.pdf?lang=${lang}`)
        .buffer(true)
        .parse(binaryBody);
      expect(res.status, lang).to.equal(200);
      expect(res.headers['content-type']).to.equal('application/pdf');
      return flat((await readPdf(res.body as Buffer)).text);
    };
    const en = await pdfOf('en');
    expect(en)
      .to.contain('Schedule of bilateral meetings')
      .and.contain('Thursday, 10 April 2008 · Sala Azuay')
      .and.contain('13:00–13:30 (GMT-5) · Ecuador – Peru')
      .and.contain('Consular cooperation · Senior official')
      .and.contain('13:30–14:00 (GMT-5) · Cuba – Dominican Republic')
      .and.contain('2 meetings booked')
      .and.not.contain('Fisheries dialogue');
    const es = await pdfOf('es');
    expect(es)
      .to.contain('Agenda de reuniones bilaterales')
      .and.contain('Ecuador – Perú')
      .and.contain('Cuba – República Dominicana')
      .and.contain('Consular cooperation · Alto funcionario');
    const pt = await pdfOf('pt');
    expect(pt).to.contain('Agenda de reuniões bilaterais').and.contain('Equador – Peru');
    expect(
      (await organizer.agent.get(`/admin/events/${event.id}/bilaterals.pdf?lang=fr`)).status,
    ).to.be.within(400, 499);
    const anonymous = await browserAgent(foro.url).get(`/admin/events/${event.id}/bilaterals.pdf`);
    expect(anonymous.status).to.not.equal(200);
    expect(anonymous.headers['content-type'] ?? '').to.not.contain('application/pdf');
  });

  it('lists a delegation’s own bilaterals on its nomination page and in its calendar feed, nobody else’s', async () => {
    const { focal, slots } = await forum();
    const ecuador = await browserAgent(foro.url).get(`/nominations/${focal.EC.token}?lang=en`);
    expect(ecuador.status).to.equal(200);
    const own = /<table id="own-bilaterals">[\s\S]*?<\/table>/.exec(ecuador.text)![0];
    expect(own).to.contain('Peru').and.contain('Consular cooperation').and.contain('Booked');
    expect(own).to.contain('Sala Azuay').and.contain('13:00–13:30 (GMT-5)');
    expect(ecuador.text).to.not.contain('Sugar trade quotas').and.not.contain('Fisheries dialogue');
    expect(ecuador.text).to.contain(`href="/nominations/${focal.EC.token}/bilaterals.ics?lang=en"`);

    const cuba = await browserAgent(foro.url).get(`/nominations/${focal.CU.token}?lang=es`);
    expect(cuba.text)
      .to.contain('Sugar trade quotas')
      .and.contain('Fisheries dialogue')
      .and.not.contain('Consular cooperation');

    const feed = await browserAgent(foro.url).get(`/nominations/${focal.EC.token}/bilaterals.ics?lang=en`);
    expect(feed.status).to.equal(200);
    expect(feed.headers['content-type']).to.match(/^text\/calendar/);
    const calendar = parseCalendar(feed.text);
    expect(calendar.timezones).to.deep.equal(['America/Guayaquil']);
    const booked = (await Bilateral.findOne({ subject: 'Consular cooperation' }).lean())!;
    expect(calendar.events).to.have.length(1);
    const entry = calendar.events[0]!;
    expect(entry.uid, 'the UID of the mails’ entries').to.equal(`bilateral-${booked._id}@foro`);
    expect(entry.tzid).to.equal('America/Guayaquil');
    expect(entry.start.toISOString()).to.equal(slots[0]!.startsAt.toISOString());
    expect(entry.summary).to.equal('Bilateral meeting with Peru');
    expect(entry.location).to.contain('Sala Azuay');

    // Cuba's feed holds its one booked meeting; the request from Peru is not in any calendar yet.
    const cubaFeed = parseCalendar(
      (await browserAgent(foro.url).get(`/nominations/${focal.CU.token}/bilaterals.ics?lang=es`)).text,
    );
    expect(cubaFeed.events.map((e) => e.summary)).to.deep.equal([
      'Reunión bilateral con República Dominicana',
    ]);
    expect(
      (await browserAgent(foro.url).get(`/nominations/${'x'.repeat(43)}/bilaterals.ics`)).status,
    ).to.equal(404);
  });

  it('shows the public only that a room is busy: no delegation, subject or level', async () => {
    const { event } = await forum();
    for (const lang of ['en', 'es', 'pt'] as const) {
      const page = await browserAgent(foro.url).get(`/events/${event.slug}/programme?lang=${lang}`);
      expect(page.status).to.equal(200);
      const section = /<section id="reserved-rooms"[\s\S]*?<\/section>/.exec(page.text)?.[0];
      expect(section, lang).to.not.equal(undefined);
      const reserved = { en: 'Reserved', es: 'Reservada', pt: 'Reservada' }[lang];
      expect(section).to.contain('Sala Azuay').and.contain('13:00–13:30 (GMT-5)').and.contain(reserved);
      expect(section).to.contain('13:30–14:00 (GMT-5)');
      for (const name of ['Ecuador', 'Equador', 'Peru', 'Perú', 'Cuba', 'Dominican', 'Dominicana'])
        expect(section, `${lang}: ${name}`).to.not.contain(name);
      for (const secret of [
        'Consular cooperation',
        'Sugar trade quotas',
        'Fisheries dialogue',
        'Senior official',
        'Alto funcionario',
        'Alto funcionário',
      ])
        expect(page.text, `${lang}: ${secret}`).to.not.contain(secret);
      for (const name of ['Peru', 'Perú', 'Cuba', 'Dominican', 'Dominicana'])
        expect(page.text, `${lang}: ${name} anywhere on the page`).to.not.contain(name);
    }
    // A plain event without bilateral rooms shows no such section.
    const plain = await createPublishedEvent({}, (await signedInAs(foro.url, 'organizer')).actor);
    const page = await browserAgent(foro.url).get(`/events/${plain.slug}/programme?lang=en`);
    expect(page.text).to.not.contain('reserved-rooms');
  });
  it('reads the schedule one day at a time by equality, and dates and numbers meetings stored before', async () => {
    const { organizer, event } = await forum();
    const seen = await queriesDuring(() =>
      organizer.agent.get(`/admin/events/${event.id}/bilaterals?day=2008-04-10`),
    );
    const day = seen.filter((q) =>
      ['bilaterals', 'bilateral_bookings', 'offered_slots'].includes(q.collection),
    );
    expect(day.length).to.be.greaterThan(0);
    for (const read of day) {
      expect(isPlainEquality(read.filter), JSON.stringify(read.filter)).to.equal(true);
      const bounded = 'date' in read.filter || 'block' in read.filter || '_id' in read.filter;
      expect(bounded, `${read.collection} ${JSON.stringify(read.filter)}`).to.equal(true);
    }
    const page = await organizer.agent.get(`/admin/events/${event.id}/bilaterals?day=2008-04-10`);
    expect(page.text).to.contain('Consular cooperation').and.contain('Sugar trade quotas');
    const other = await organizer.agent.get(`/admin/events/${event.id}/bilaterals?day=2008-04-11`);
    expect(other.text).to.not.contain('Consular cooperation');

    // Meetings, bookings and slots stored before they kept their day and block get them.
    await Bilateral.updateMany({ eventId: event.id }, { $unset: { block: 1, date: 1 } });
    await BilateralBooking.updateMany({ eventId: event.id }, { $unset: { date: 1 } });
    await OfferedSlot.updateMany({ eventId: event.id }, { $unset: { date: 1 } });
    await numberOlderBilaterals.run();
    const booked = await Bilateral.find({ eventId: event.id, state: 'accepted' }).lean();
    expect(booked.map((b) => b.date)).to.deep.equal(['2008-04-10', '2008-04-10']);
    expect(
      (await Bilateral.find({ eventId: event.id }).lean()).every((b) => typeof b.block === 'number'),
    ).to.equal(true);
    expect((await BilateralBooking.find({ eventId: event.id, date: '2008-04-10' }).lean()).length).to.equal(
      2,
    );
    const again = await organizer.agent.get(`/admin/events/${event.id}/bilaterals?day=2008-04-10`);
    expect(again.text).to.contain('Consular cooperation').and.contain('Sugar trade quotas');
  });
});
