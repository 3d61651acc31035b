import { expect } from 'chai';
import request from 'supertest';
import { createPublishedEvent } from '../factories/events.js';
import { createTestPerson } from '../factories/people.js';
import { useTestForo } from '../support/foro.js';
import { signedInAs } from '../support/http.js';

describe('private links: one guard for every family', () => {
  const foro = useTestForo(import.meta.url, { env: { LINK_RATE_LIMIT_PER_ADDRESS: '8' } });

  it('answers an unknown link 404 in every family, counts the guesses across families, and marks every answer private', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    const person = await createTestPerson();
    const forged = 'Q'.repeat(43);
    const families = [
      `/invitations/${forged}`,
      `/registrations/${forged}`,
      `/registrations/${forged}/certificate.pdf`,
      `/nominations/${forged}`,
      `/account/setup/${forged}`,
      `/account/reset/${forged}`,
      `/events/${event.slug}/people/${person.id}/${forged}/calendar.ics`,
      `/events/${event.slug}/people/${person.id}/${forged}/programme.pdf`,
    ];
    const statuses = [];
    for (const path of [...families, families[0]!, families[6]!]) {
      const res = await request(foro.url).get(path);
      statuses.push(res.status);
      expect(res.headers['cache-control'], path).to.equal('no-store');
      expect(res.headers['x-robots-tag'], path).to.equal('noindex');
      expect(res.headers['referrer-policy'], path).to.equal('no-referrer');
    }
    expect(statuses).to.deep.equal([404, 404, 404, 404, 404, 404, 404, 404, 429, 429]);
    const limited = await request(foro.url).get(families[4]!);
    expect(limited.status).to.equal(429);
    expect(Number(limited.headers['retry-after'])).to.be.above(0);
  });
});
