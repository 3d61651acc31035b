import { expect } from 'chai';
import { Assignment } from '../../src/modules/agenda/assignments/assignment.model.js';
import { Session } from '../../src/modules/agenda/sessions/session.model.js';
import { CheckIn } from '../../src/modules/documents/checkin/checkin.model.js';
import { Event } from '../../src/modules/events/index.js';
import { Message } from '../../src/modules/messaging/message.model.js';
import { Registration } from '../../src/modules/registrations/index.js';
import { Delegation } from '../../src/modules/registrations/delegations/delegation.model.js';
import { useTestForo } from '../support/foro.js';
import { signedInAs } from '../support/http.js';
import { runNpm } from '../support/npm.js';

describe('demo: seed:scale writes one event of the size asked for', function () {
  this.timeout(180_000);
  const foro = useTestForo(import.meta.url);

  it('writes people, registrations, sessions, roles, delegations and mail in bulk, with progress, and whose pages work', async () => {
    const sizes = ['--registrations', '700', '--sessions', '60', '--rooms', '4', '--days', '3'];
    const run = await runNpm(import.meta.url, 'seed:scale', [
      ...sizes,
      ...['--assignments', '150', '--delegations', '12', '--messages', '300', '--slug', 'trial'],
    ]);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.contain('Event trial written in');
    expect(run.stderr + run.stdout).to.match(/registrations.*700\/700/);
    const event = (await Event.findOne({ slug: 'trial' }).lean())!;
    const eventId = String(event._id);
    expect(event.status).to.equal('published');
    expect(event.rooms).to.have.length(4);
    expect(await Registration.countDocuments({ eventId })).to.equal(700);
    expect(await Session.countDocuments({ eventId })).to.equal(60);
    expect(await Assignment.countDocuments({ eventId })).to.equal(150);
    expect(await Delegation.countDocuments({ eventId })).to.equal(12);
    expect(await Message.countDocuments({ relatedKeys: `event:${eventId}` })).to.equal(300);

    const admin = await signedInAs(foro.url, 'admin');
    const list = await admin.agent.get(`/admin/events/${eventId}/registrations`).set('Accept-Language', 'en');
    expect(list.text).to.contain('50 of 700 registrations');
    const confirmed = await Registration.countDocuments({ eventId, status: 'confirmed' });
    expect(list.text, 'seats held match the confirmed').to.contain(`Places taken: ${confirmed} of ∞`);
    const programme = await admin.agent.get(`/admin/events/${eventId}/agenda`);
    expect(programme.status).to.equal(200);
    // Half the confirmed were checked in on the first day; one in ten asked for a visa letter.
    expect(await CheckIn.countDocuments({ eventId })).to.equal(Math.ceil(confirmed / 2));
    const letters = await admin.agent.get(`/admin/events/${eventId}/letters`).set('Accept-Language', 'en');
    expect(letters.text)
      .to.contain(`Certificates of attendance (PDF, ${Math.ceil(confirmed / 2)})`)
      .and.contain(
        `Visa letters (PDF, ${await Registration.countDocuments({ eventId, status: 'confirmed', visaLetter: true })})`,
      );

    const again = await runNpm(import.meta.url, 'seed:scale', ['--registrations', '5', '--slug', 'trial']);
    expect(again.code).to.equal(1);
    expect(again.stderr).to.contain('trial');
  });
});
