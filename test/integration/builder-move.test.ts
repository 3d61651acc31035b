import { expect } from 'chai';
import { createSession, getSession } from '../../src/modules/agenda/index.js';
import { createPublishedEvent } from '../factories/events.js';
import { PANEL } from '../factories/programme.js';
import { useTestForo } from '../support/foro.js';
import { csrfFor, signedInAs } from '../support/http.js';

describe('agenda: moving a session from the builder', () => {
  const foro = useTestForo(import.meta.url);

  async function setup() {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({ slug: 'cuenca-2008' }, organizer.actor);
    const session = await createSession(
      event,
      { ...PANEL, type: 'workshop', title: { es: 'Remesas' }, roomId: event.rooms[0]!.id },
      organizer.actor,
      foro.clock,
    );
    const csrf = await csrfFor(organizer.agent, `/admin/events/${event.id}/agenda`);
    const move = (fields: Record<string, unknown>, agent = organizer.agent, token = csrf) =>
      agent
        .post(`/admin/events/${event.id}/agenda/move`)
        .type('form')
        .send({
          _csrf: token,
          sessionId: session.id,
          roomId: event.rooms[1]!.id,
          date: '2008-04-11',
          start: '14:15',
          revision: session.revision,
          ...fields,
        });
    return { organizer, event, session, move };
  }

  it('moves it to the room and start given, keeping its length, and takes "no room"', async () => {
    const { event, session, move } = await setup();
    const res = await move({});
    expect(res.status).to.equal(303);
    expect(res.headers['location']).to.contain('day=2008-04-11');
    let moved = await getSession(event.id, session.id);
    expect([moved.roomId, moved.startsAt!.toISOString(), moved.endsAt!.toISOString()]).to.deep.equal([
      event.rooms[1]!.id,
      '2008-04-11T19:15:00.000Z',
      '2008-04-11T20:45:00.000Z',
    ]);
    expect((await move({ roomId: '', revision: moved.revision })).status).to.equal(303);
    moved = await getSession(event.id, session.id);
    expect(moved.roomId).to.equal(undefined);
  });

  it('refuses a stale builder, a drop across midnight, bad input and viewers, changing nothing', async () => {
    const { event, session, move } = await setup();
    expect((await move({})).status).to.equal(303);
    const stale = await move({ start: '16:00' }); // the revision read before the first move
    expect(stale.status).to.equal(409);
    expect(stale.text).to.contain('Otra persona guardó cambios mientras usted editaba');
    const after = await getSession(event.id, session.id);
    expect((await move({ start: '23:30', revision: after.revision })).status).to.equal(422);
    expect((await move({ start: { $gt: '' }, revision: after.revision })).status).to.equal(422);
    expect((await move({ sessionId: '0123456789abcdef01234567', revision: after.revision })).status).to.equal(
      404,
    );
    const viewer = await signedInAs(foro.url, 'viewer');
    const viewerCsrf = await csrfFor(viewer.agent, `/admin/events/${event.id}/agenda`);
    expect((await move({ revision: after.revision }, viewer.agent, viewerCsrf)).status).to.equal(403);
    const unchanged = await getSession(event.id, session.id);
    expect(unchanged.startsAt!.toISOString()).to.equal(after.startsAt!.toISOString());
    expect(unchanged.revision).to.equal(after.revision);
  });
});
