import { expect } from 'chai';
import mongoose from 'mongoose';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { getEvent } from '../../src/modules/events/index.js';
import { mailSettingsOf } from '../../src/modules/invitations/index.js';
import {
  decideRegistration,
  documentSeats,
  Registration,
  registrationRules,
  saveRegistrationRules,
  scopes,
  type SeatAllocator,
} from '../../src/modules/registrations/index.js';
import { seat } from '../../src/modules/registrations/places/placement.js';
import { Seat } from '../../src/modules/registrations/places/seat.model.js';
import { createPublishedEvent, createWorkshop } from '../factories/events.js';
import { registrationForm } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';
import { signedInAs } from '../support/http.js';

/** What the capacity rule must not be: count the seats, then insert one if the count is low. */
function countThenInsert(): SeatAllocator {
  return {
    async take(scope, capacity, holder) {
      if (capacity !== undefined && (await Seat.countDocuments({ scope })) >= capacity) return 'full';
      await Seat.create({ _id: randomUUID(), scope, number: 0, holder, takenAt: new Date() });
      return 'taken';
    },
    async release() {
      return false;
    },
    count: (scope) => Seat.countDocuments({ scope }),
    async settle() {},
  };
}

describe('registrations: capacity holds under simultaneous requests', function () {
  this.timeout(180_000);
  const foro = useTestForo(import.meta.url, {
    env: { REGISTRATION_RATE_LIMIT_PER_ADDRESS: '100000', RATE_LIMIT_MAX: '100000' },
  });

  it('300 simultaneous registrations for 50 places: 50 confirmed, 250 waiting; 10 cancellations promote the next 10', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const created = await createPublishedEvent({}, organizer.actor);
    await saveRegistrationRules(created.id, { capacity: 50, categories: [] }, foro.clock);

    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        request(foro.url)
          .post(`/events/${created.slug}/register`)
          .set('Accept', 'application/json')
          .send(registrationForm({ email: `asistente${i}@example.org` })),
      ),
    );
    expect(
      results.filter((r) => r.status !== 303).map((r) => `${r.status} ${r.text.slice(0, 200)}`),
    ).to.deep.equal([]);
    const count = (status: 'confirmed' | 'waitlisted') =>
      Registration.countDocuments({ eventId: created.id, status });
    expect(await count('confirmed')).to.equal(50);
    expect(await count('waitlisted')).to.equal(250);
    expect(await Seat.countDocuments({ scope: scopes.event(created.id) })).to.equal(50);
    const page = await organizer.agent.get(`/admin/events/${created.id}/registrations`);
    expect(page.text, 'the count shown is the count of documents').to.include('Plazas ocupadas: 50 de 50');

    const event = await getEvent(created.id);
    const deps = {
      clock: foro.clock,
      settings: mailSettingsOf(foro.config),
      seats: documentSeats(foro.clock),
    };
    const confirmed = await Registration.find({ eventId: event.id, status: 'confirmed' }).limit(10).lean();
    const nextInLine = await Registration.find({ eventId: event.id, status: 'waitlisted' })
      .sort({ arrival: 1 })
      .limit(10)
      .lean();
    await Promise.all(
      confirmed.map((r) =>
        decideRegistration(
          event,
          String(r._id),
          'cancel',
          { actor: organizer.actor, reason: 'no viaja' },
          deps,
        ),
      ),
    );
    expect(await count('confirmed')).to.equal(50);
    expect(await count('waitlisted')).to.equal(240);
    const promoted = await Registration.find({
      _id: mongoose.trusted({ $in: nextInLine.map((r) => r._id) }),
    }).lean();
    expect(
      promoted.every((r) => r.status === 'confirmed'),
      'the first ten in arrival order',
    ).to.equal(true);
    expect(await Seat.countDocuments({ scope: scopes.event(event.id) })).to.equal(50);
  });

  it('control: the same race against a count-then-insert rule oversells, so the test can catch it', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const created = await createPublishedEvent({}, organizer.actor);
    await saveRegistrationRules(created.id, { capacity: 50, categories: [] }, foro.clock);
    const event = await getEvent(created.id);
    const rules = await registrationRules(event);
    const race = (seats: SeatAllocator, prefix: string) =>
      Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          seat({ id: `${prefix}${i}`, eventId: event.id, category: 'academia' }, rules, seats),
        ),
      );
    const naive = await race(countThenInsert(), 'naive');
    expect(naive.filter(Boolean).length, 'count-then-insert sells more than 50').to.be.above(50);
    await Seat.deleteMany({});
    const safe = await race(documentSeats(foro.clock), 'safe');
    expect(safe.filter(Boolean).length).to.equal(50);
    expect(await Seat.countDocuments({ scope: scopes.event(event.id) })).to.equal(50);
  });

  it('keeps each workshop within its own capacity, with its own waiting list in arrival order', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const created = await createPublishedEvent({}, organizer.actor);
    const workshop = await createWorkshop(created, organizer.actor, 2);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        request(foro.url)
          .post(`/events/${created.slug}/register`)
          .set('Accept', 'application/json')
          .send(registrationForm({ email: `taller${i}@example.org`, workshops: [workshop.id] })),
      ),
    );
    expect(
      results.filter((r) => r.status !== 303).map((r) => `${r.status} ${r.text.slice(0, 200)}`),
    ).to.deep.equal([]);
    const all = await Registration.find({ eventId: created.id }).sort({ arrival: 1 }).lean();
    const statusIn = (r: (typeof all)[number]) =>
      r.workshops.find((w) => w.sessionId === workshop.id)?.status;
    expect(all.filter((r) => statusIn(r) === 'confirmed')).to.have.length(2);
    expect(all.filter((r) => statusIn(r) === 'waitlisted')).to.have.length(4);
    expect(await Seat.countDocuments({ scope: scopes.workshop(workshop.id) })).to.equal(2);

    const event = await getEvent(created.id);
    const deps = {
      clock: foro.clock,
      settings: mailSettingsOf(foro.config),
      seats: documentSeats(foro.clock),
    };
    const leaving = all.find((r) => statusIn(r) === 'confirmed')!;
    const firstWaiting = all.find((r) => statusIn(r) === 'waitlisted')!;
    await decideRegistration(event, String(leaving._id), 'cancel', { actor: organizer.actor }, deps);
    const promoted = await Registration.findById(firstWaiting._id).lean();
    expect(statusIn(promoted!)).to.equal('confirmed');
    expect(await Seat.countDocuments({ scope: scopes.workshop(workshop.id) })).to.equal(2);
  });
});
