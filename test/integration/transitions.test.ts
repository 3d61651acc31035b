import { expect } from 'chai';
import { ASSIGNMENT_MOVES } from '../../src/modules/agenda/assignments/assignment.service.js';
import { Assignment, ASSIGNMENT_STATUSES } from '../../src/modules/agenda/assignments/assignment.model.js';
import { AuditEntry } from '../../src/modules/audit/audit.model.js';
import { getEvent } from '../../src/modules/events/index.js';
import { mailSettingsOf } from '../../src/modules/invitations/index.js';
import {
  decideRegistration,
  documentSeats,
  Registration,
  saveRegistrationRules,
} from '../../src/modules/registrations/index.js';
import { REGISTRATION_STATUSES } from '../../src/modules/registrations/registration.model.js';
import { getRegistration } from '../../src/modules/registrations/registration.service.js';
import { moveRegistration, REGISTRATION_MOVES } from '../../src/modules/registrations/transitions.js';
import { createPanel } from '../factories/invitations.js';
import { createTestRegistration } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';
import { signedInAs } from '../support/http.js';

describe('transitions: each record with states moves only as its table says', () => {
  const foro = useTestForo(import.meta.url);

  it('assignments: every move in the table is taken, every other one is a 409 naming both states; side effects once', async () => {
    const team = await signedInAs(foro.url, 'organizer');
    const { event, session, assignments } = await createPanel(team.actor);
    const api = `/api/v1/events/${event.id}/sessions/${session.id}/assignments/${assignments.speaker.id}`;
    const failures: string[] = [];
    for (const from of ASSIGNMENT_STATUSES) {
      for (const to of ASSIGNMENT_STATUSES) {
        if (from === to) continue;
        await Assignment.updateOne({ _id: assignments.speaker.id }, { $set: { status: from } });
        const res = await team.agent.patch(api).send({ status: to });
        const allowed = ASSIGNMENT_MOVES[from].includes(to);
        if (allowed && res.status !== 200) failures.push(`${from} → ${to}: ${res.status}`);
        if (!allowed && (res.status !== 409 || res.body.code !== 'ILLEGAL_TRANSITION')) {
          failures.push(`${from} → ${to}: ${res.status} ${res.body.code}, expected 409`);
        }
      }
    }
    expect(failures).to.deep.equal([]);
    const refused = await team.agent
      .patch(api)
      .set('Accept-Language', 'en')
      .send({
        status: ASSIGNMENT_STATUSES.find((s) => !ASSIGNMENT_MOVES.withdrawn.includes(s) && s !== 'withdrawn'),
      });
    expect(refused.body.detail).to.match(/cannot go from “withdrawn”/);

    // Confirming registers the person in the programme, once however often it is confirmed.
    const speakerRegistrations = () =>
      Registration.countDocuments({ eventId: event.id, personId: assignments.speaker.personId });
    expect(await speakerRegistrations()).to.equal(1);
  });

  it('registrations: a move outside the table is refused and changes nothing, an allowed one is recorded', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const { event } = await createPanel(organizer.actor);
    await saveRegistrationRules(event.id, { capacity: 10, categories: [] }, foro.clock);
    const failures: string[] = [];
    for (const from of REGISTRATION_STATUSES) {
      for (const to of REGISTRATION_STATUSES) {
        if (from === to) continue;
        const created = await createTestRegistration(event.id, {}, { category: 'academia', status: from });
        const registration = await getRegistration(created.id);
        const outcome = await moveRegistration(registration, to, organizer.actor, foro.clock).then(
          () => 'moved',
          (error: { status?: number; code?: string }) => `${error.status} ${error.code}`,
        );
        const stored = (await Registration.findById(registration.id).lean())!.status;
        const allowed = REGISTRATION_MOVES[from].includes(to);
        if (allowed && (outcome !== 'moved' || stored !== to)) failures.push(`${from} → ${to}: ${outcome}`);
        if (!allowed && (outcome !== '409 ILLEGAL_TRANSITION' || stored !== from)) {
          failures.push(`${from} → ${to}: ${outcome}, now ${stored}`);
        }
      }
    }
    expect(failures).to.deep.equal([]);
    expect(await AuditEntry.countDocuments({ action: 'registration.cancelled' })).to.be.greaterThan(0);

    // Approving a cancelled registration is refused before any seat is taken.
    const cancelled = await createTestRegistration(
      event.id,
      {},
      { category: 'academia', status: 'cancelled' },
    );
    const deps = {
      clock: foro.clock,
      settings: mailSettingsOf(foro.config),
      seats: documentSeats(foro.clock),
    };
    const refusal = await decideRegistration(
      await getEvent(event.id),
      cancelled.id,
      'approve',
      { actor: organizer.actor },
      deps,
    ).catch((error: { code?: string }) => error.code);
    expect(refusal).to.equal('NOT_PENDING');
  });
});
