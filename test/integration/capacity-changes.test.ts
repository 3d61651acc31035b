import { expect } from 'chai';
import mongoose from 'mongoose';
import request from 'supertest';
import { getEvent } from '../../src/modules/events/index.js';
import { mailSettingsOf } from '../../src/modules/invitations/index.js';
import {
  CATEGORIES,
  decideRegistration,
  documentSeats,
  Registration,
  scopes,
} from '../../src/modules/registrations/index.js';
import { Seat } from '../../src/modules/registrations/places/seat.model.js';
import { createPublishedEvent, createWorkshop } from '../factories/events.js';
import { registrationForm } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';

describe('registrations: places stay exact whatever the organizer changes', function () {
  this.timeout(300_000);
  const foro = useTestForo(import.meta.url, {
    env: { REGISTRATION_RATE_LIMIT_PER_ADDRESS: '100000', RATE_LIMIT_MAX: '100000' },
  });

  /** An organizer, a published event, and the settings form as the organizer sends it. */
  async function setUp() {
    const organizer = await signedInAs(foro.url, 'organizer');
    const created = await createPublishedEvent({}, organizer.actor);
    const page = `/admin/events/${created.id}/registrations/settings`;
    const token = csrfTokenIn((await organizer.agent.get(page)).text);
    const setCapacities = async (capacities: { event?: number; academia?: number }) => {
      const form = new URLSearchParams({ _csrf: token, capacity: String(capacities.event ?? '') });
      for (const key of CATEGORIES) form.set(`capacity_${key}`, '');
      if (capacities.academia !== undefined) form.set('capacity_academia', String(capacities.academia));
      const saved = await organizer.agent.post(page).type('form').send(form.toString());
      expect(saved.status, saved.text.slice(0, 500)).to.equal(303);
    };
    let sequence = 0;
    const register = (n: number, extra: Record<string, unknown> = {}) =>
      Promise.all(
        Array.from({ length: n }, () => {
          sequence += 1;
          return request(foro.url)
            .post(`/events/${created.slug}/register`)
            .set('Accept', 'application/json')
            .send(registrationForm({ email: `p${sequence}-${created.id}@example.org`, ...extra }));
        }),
      ).then((results) =>
        expect(
          results.filter((r) => r.status !== 303).map((r) => `${r.status} ${r.text.slice(0, 200)}`),
        ).to.deep.equal([]),
      );
    const count = (status: 'confirmed' | 'waitlisted') =>
      Registration.countDocuments({ eventId: created.id, status });
    const deps = {
      clock: foro.clock,
      settings: mailSettingsOf(foro.config),
      seats: documentSeats(foro.clock),
    };
    const cancel = async (n: number) => {
      const event = await getEvent(created.id);
      const leaving = await Registration.find({ eventId: created.id, status: 'confirmed' }).limit(n).lean();
      for (const r of leaving) {
        await decideRegistration(event, String(r._id), 'cancel', { actor: organizer.actor }, deps);
      }
    };
    return { organizer, created, setCapacities, register, count, cancel };
  }

  it('event: 58 of 400 taken, lowered to 108, then 300 at once: exactly 108 confirmed', async () => {
    const { created, setCapacities, register, count } = await setUp();
    await setCapacities({ event: 400 });
    await register(58);
    expect(await count('confirmed')).to.equal(58);
    await setCapacities({ event: 108 });
    await register(300);
    expect(await count('confirmed')).to.equal(108);
    expect(await count('waitlisted')).to.equal(250);
    expect(await documentSeats(foro.clock).count(scopes.event(created.id))).to.equal(108);
  });

  it('category: one taken while it had no limit, then a limit of 51, then 300 at once: exactly 51', async () => {
    const { created, setCapacities, register, count } = await setUp();
    await register(1);
    await setCapacities({ academia: 51 });
    await register(300);
    expect(await count('confirmed')).to.equal(51);
    expect(await documentSeats(foro.clock).count(scopes.category(created.id, 'academia'))).to.equal(51);
  });

  it('lowered below what is taken: nobody removed, the page says how many are over, promotions only when a place is really free', async () => {
    const { organizer, created, setCapacities, register, count, cancel } = await setUp();
    await setCapacities({ event: 60 });
    await register(60);
    await setCapacities({ event: 40 });
    expect(await count('confirmed'), 'nobody loses their place').to.equal(60);
    const page = await organizer.agent.get(`/admin/events/${created.id}/registrations`);
    expect(page.text).to.include('Plazas ocupadas: 60 de 40');
    expect(page.text).to.include('20 por encima de la capacidad');

    await register(30);
    expect(await count('waitlisted'), 'newcomers wait while the event is over capacity').to.equal(30);
    await cancel(10);
    expect(await count('confirmed'), '50 still hold places for 40: nobody promoted').to.equal(50);
    const nextInLine = await Registration.find({ eventId: created.id, status: 'waitlisted' })
      .sort({ arrival: 1 })
      .limit(5)
      .lean();
    await cancel(15);
    expect(await count('confirmed'), '35 left, so 5 places really free').to.equal(40);
    const promoted = await Registration.find({
      _id: mongoose.trusted({ $in: nextInLine.map((r) => r._id) }),
    }).lean();
    expect(promoted.map((r) => r.status)).to.deep.equal(Array(5).fill('confirmed'));
    await register(50);
    expect(await count('confirmed')).to.equal(40);

    await setCapacities({ event: 45 });
    expect(await count('confirmed'), 'raising promotes the next five').to.equal(45);
    await setCapacities({});
    expect(await count('confirmed'), 'no limit: everyone waiting is promoted').to.equal(60 + 30 + 50 - 25);
    expect(await count('waitlisted')).to.equal(0);
  });

  it('workshop: lowered below what is taken through the API, a burst changes nothing; raised, the waiting list moves up', async () => {
    const { organizer, created, register } = await setUp();
    const workshop = await createWorkshop(created, organizer.actor, 10);
    const inWorkshop = async () => {
      const all = await Registration.find({ eventId: created.id }).lean();
      const status = (r: (typeof all)[number]) =>
        r.workshops.find((w) => w.sessionId === workshop.id)?.status;
      return {
        confirmed: all.filter((r) => status(r) === 'confirmed').length,
        waitlisted: all.filter((r) => status(r) === 'waitlisted').length,
      };
    };
    const patch = (capacity: number | null) =>
      organizer.agent
        .patch(`/api/v1/events/${created.id}/sessions/${workshop.id}`)
        .send({ capacity })
        .then((r) => expect(r.status, r.text).to.equal(200));
    await register(8, { workshops: [workshop.id] });
    await patch(5);
    await register(50, { workshops: [workshop.id] });
    expect(await inWorkshop()).to.deep.equal({ confirmed: 8, waitlisted: 50 });
    await patch(12);
    expect(await inWorkshop()).to.deep.equal({ confirmed: 12, waitlisted: 46 });
    expect(await documentSeats(foro.clock).count(scopes.workshop(workshop.id))).to.equal(12);
  });
});

describe('seats: capacity changes between bursts never oversell', function () {
  this.timeout(300_000);
  const foro = useTestForo(import.meta.url);

  it('after each change, a burst of 40 takers gets exactly the free places, and releases free a place only when the scope is back within its capacity', async () => {
    const seats = documentSeats(foro.clock);
    const scope = `test:${Date.now()}`;
    const holders: string[] = [];
    let next = 0;
    const changes: (number | undefined)[] = [
      30,
      20,
      undefined,
      25,
      5,
      0,
      40,
      12,
      12,
      60,
      8,
      undefined,
      15,
      200,
    ];
    for (const capacity of changes) {
      await seats.settle(scope, capacity);
      const before = holders.length;
      const arriving = Array.from({ length: 40 }, () => `h${(next += 1)}`);
      const taken = await Promise.all(arriving.map((h) => seats.take(scope, capacity, h)));
      arriving.forEach((h, i) => taken[i] !== 'full' && holders.push(h));
      const room = capacity === undefined ? 40 : Math.max(0, Math.min(40, capacity - before));
      expect(taken.filter((t) => t === 'taken').length, `capacity ${capacity}, ${before} held`).to.equal(
        room,
      );
      expect(await seats.count(scope)).to.equal(holders.length);

      const leaving = holders.splice(0, 6);
      const freed = await Promise.all(leaving.map((h) => seats.release(scope, capacity, h)));
      const reallyFree = capacity === undefined ? 6 : Math.max(0, Math.min(6, capacity - holders.length));
      expect(freed.filter(Boolean).length, `places freed at capacity ${capacity}`).to.equal(reallyFree);
      expect(await seats.count(scope)).to.equal(holders.length);
      const stored = await Seat.find({ scope }).lean();
      expect(new Set(stored.map((s) => s.holder)).size, 'one seat per holder').to.equal(stored.length);
    }
  });
});
