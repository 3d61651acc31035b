import { expect } from 'chai';
import request from 'supertest';
import type { Actor } from '../../src/shared/actor.js';
import { Message } from '../../src/modules/messaging/index.js';
import { mailSettingsOf } from '../../src/modules/invitations/index.js';
import {
  completeUnfinishedRegistrations,
  documentSeats,
  markUnfinishedSubmissions,
  Registration,
  saveRegistrationRules,
} from '../../src/modules/registrations/index.js';
import { SubmissionInProgress } from '../../src/modules/registrations/registration.model.js';
import { Seat } from '../../src/modules/registrations/places/seat.model.js';
import { createPublishedEvent } from '../factories/events.js';
import { createTestPerson } from '../factories/people.js';
import { registrationForm } from '../factories/registrations.js';
import { databaseNameFor, useTestForo } from '../support/foro.js';
import { signedInAs } from '../support/http.js';
import { databaseUri, runForo } from '../support/process.js';

/** The mails queued about one registration (each decision's mail is one message). */
const mailsAbout = (registrationId: string) =>
  Message.countDocuments({ relatedKeys: `registration:${registrationId}` });

describe('registrations: a submission cut short is completed, once', function () {
  this.timeout(180_000);
  const foro = useTestForo(import.meta.url, { env: { REGISTRATION_RATE_LIMIT_PER_ADDRESS: '1000' } });
  const deps = () => ({
    clock: foro.clock,
    settings: mailSettingsOf(foro.config),
    seats: documentSeats(foro.clock),
  });

  /** What a crash after writing the registration, before placing and mailing it, leaves. */
  async function halfDone(eventId: string, email: string) {
    const person = await createTestPerson({ email });
    const doc = await Registration.create({
      eventId,
      personId: person.id,
      category: 'civil_society',
      status: 'pending',
      statusAt: foro.clock.now(),
      statusBy: 'form',
      arrival: '00000001',
      source: 'public',
      privacyConsentAt: foro.clock.now(),
    });
    await SubmissionInProgress.create({
      _id: String(doc._id),
      eventId,
      category: 'civil_society',
      workshops: [],
      startedAt: foro.clock.now(),
    });
    return String(doc._id);
  }

  it('places and mails a registration left half-done by the repair pass, after a grace period, and only once', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    const id = await halfDone(event.id, 'cortada@example.org');

    expect(await completeUnfinishedRegistrations(deps()), 'a live submission is left alone').to.equal(0);
    foro.clock.advance(2 * 60_000);
    expect(await completeUnfinishedRegistrations(deps())).to.equal(1);
    expect(await completeUnfinishedRegistrations(deps()), 'nothing left').to.equal(0);
    const done = await Registration.findById(id).lean();
    expect(done?.status).to.equal('confirmed');
    expect(await SubmissionInProgress.countDocuments(), 'the mark is gone').to.equal(0);
    expect(await mailsAbout(id)).to.equal(1);
  });

  it('gives back the places of a submission whose registration was never written, once no request can still write it', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    await saveRegistrationRules(event.id, { capacity: 1, categories: [] }, foro.clock);
    // A crash after the seats were taken, before the registration was inserted.
    const lost = '0123456789abcdef01234567';
    expect(await deps().seats.take(`event:${event.id}`, 1, lost)).to.equal('taken');
    await SubmissionInProgress.create({
      _id: lost,
      eventId: event.id,
      category: 'civil_society',
      workshops: [],
      startedAt: foro.clock.now(),
    });
    const waiting = await request(foro.url)
      .post(`/events/${event.slug}/register`)
      .set('Accept', 'application/json')
      .send(registrationForm({ email: 'en.espera@example.org' }));
    expect(waiting.status).to.equal(303);
    expect((await Registration.findOne({ eventId: event.id }).lean())?.status).to.equal('waitlisted');

    foro.clock.advance(2 * 60_000);
    expect(await completeUnfinishedRegistrations(deps()), 'a request may still be writing it').to.equal(0);
    foro.clock.advance(10 * 60_000);
    expect(await completeUnfinishedRegistrations(deps())).to.equal(1);
    expect(await Seat.countDocuments({ holder: lost }), 'its place is given back').to.equal(0);
    expect(
      (await Registration.findOne({ eventId: event.id }).lean())?.status,
      'and goes to whoever waited',
    ).to.equal('confirmed');
    expect(await SubmissionInProgress.countDocuments()).to.equal(0);
  });

  it('finishes what an earlier version flagged on the registration itself, after the migration marks it', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    const person = await createTestPerson({ email: 'version.anterior@example.org' });
    const flagged = await Registration.create({
      eventId: event.id,
      personId: person.id,
      category: 'civil_society',
      status: 'pending',
      statusAt: foro.clock.now(),
      statusBy: 'form',
      arrival: '00000002',
      source: 'public',
      privacyConsentAt: foro.clock.now(),
      incomplete: true,
    });
    await markUnfinishedSubmissions.run();
    await markUnfinishedSubmissions.run();
    expect(await SubmissionInProgress.countDocuments(), 'marked once').to.equal(1);
    foro.clock.advance(2 * 60_000);
    expect(await completeUnfinishedRegistrations(deps())).to.equal(1);
    const done = await Registration.findById(flagged._id).lean();
    expect(done?.status).to.equal('confirmed');
    expect(done?.incomplete).to.equal(undefined);
    expect(await mailsAbout(String(flagged._id))).to.equal(1);
  });

  it('completes a half-done registration when the same address sends the form again', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    const id = await halfDone(event.id, 'otra.vez@example.org');
    foro.clock.advance(2 * 60_000);
    const again = await request(foro.url)
      .post(`/events/${event.slug}/register`)
      .set('Accept', 'application/json')
      .send(registrationForm({ email: 'otra.vez@example.org' }));
    expect(again.status).to.equal(303);
    const done = await Registration.findById(id).lean();
    expect(done?.status).to.equal('confirmed');
    expect(await SubmissionInProgress.countDocuments()).to.equal(0);
    expect(await mailsAbout(id)).to.equal(1);
    expect(await Registration.countDocuments({ eventId: event.id })).to.equal(1);
  });

  const inProgress = (eventId: string) => SubmissionInProgress.countDocuments({ eventId });

  /** 100 forms sent at once to a Foro process killed while some are done and others written. */
  async function burstAndKill(actor: Actor) {
    // The process runs on the real clock: its event is still to come (registration closes when an event ends).
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const event = await createPublishedEvent({ startDate: day(60), endDate: day(61) }, actor);
    await saveRegistrationRules(event.id, { capacity: 40, categories: [] }, foro.clock);
    const victim = runForo({
      MONGODB_URI: databaseUri(databaseNameFor(import.meta.url)),
      OUTBOX_WORKER: 'off',
      SCHEDULED_TASKS: 'off',
      REGISTRATION_RATE_LIMIT_PER_ADDRESS: '1000',
      LOG_LEVEL: 'info',
    });
    const url = await victim.listening;
    let answered = 0;
    const burst = Array.from({ length: 100 }, (_, i) =>
      request(url)
        .post(`/events/${event.slug}/register`)
        .set('Accept', 'application/json')
        .send(registrationForm({ email: `rafaga${i}.${event.slug}@example.org` }))
        .then(
          () => (answered += 1),
          () => undefined,
        ),
    );
    while (answered < 100 && (answered < 5 || (await inProgress(event.id)) === 0))
      await new Promise((resolve) => setTimeout(resolve, 5));
    victim.child.kill('SIGKILL');
    await Promise.all(burst);
    await victim.exited;
    // Writes the dead process sent just before the kill may still land.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return event;
  }

  it('after a kill -9 during 100 simultaneous registrations: one completed registration or none per address, one mail each', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    // Simultaneous forms move together, so a kill may land when none is half-written, or before
    // any is complete (a loaded machine): then the burst goes again, to a new event, up to five times.
    const cutInHalf = async (eventId: string) =>
      (await inProgress(eventId)) > 0 && (await Registration.countDocuments({ eventId })) > 0;
    let event = await burstAndKill(organizer.actor);
    for (let attempt = 1; attempt < 5 && !(await cutInHalf(event.id)); attempt += 1)
      event = await burstAndKill(organizer.actor);
    foro.clock.set(new Date(Date.now() + 2 * 60_000));
    let repaired = await completeUnfinishedRegistrations(deps());
    foro.clock.advance(60_000);
    repaired += await completeUnfinishedRegistrations(deps());
    const registrations = await Registration.find({ eventId: event.id }).lean();
    expect(registrations.length, 'some were recorded before the kill').to.be.above(0);
    expect(new Set(registrations.map((r) => r.personId)).size).to.equal(registrations.length);
    for (const registration of registrations) {
      expect(registration.incomplete, registration.status).to.equal(undefined);
      expect(['confirmed', 'waitlisted']).to.include(registration.status);
      expect(await mailsAbout(String(registration._id))).to.equal(1);
    }
    expect(registrations.filter((r) => r.status === 'confirmed').length).to.be.at.most(40);

    // Submissions whose registration the kill prevented give their places back, later (and
    // whoever waits takes them).
    foro.clock.advance(10 * 60_000);
    repaired += await completeUnfinishedRegistrations(deps());
    expect(repaired, 'the kill left submissions half-done').to.be.above(0);
    expect(await SubmissionInProgress.countDocuments(), 'no submission left in progress').to.equal(0);
    const after = await Registration.find({ eventId: event.id }).lean();
    const holders = new Set(after.map((r) => String(r._id)));
    const seats = await Seat.find({ scope: `event:${event.id}` }).lean();
    expect(
      seats.filter((s) => !holders.has(s.holder)).map((s) => s.holder),
      'no place held for a registration that does not exist',
    ).to.deep.equal([]);
    const confirmed = after.filter((r) => r.status === 'confirmed').length;
    expect(confirmed).to.be.at.most(40);
    expect(seats.length, 'every confirmed registration holds its place').to.equal(confirmed);
  });
});
