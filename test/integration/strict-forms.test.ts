import { expect } from 'chai';
import { registrationRules, saveRegistrationRules } from '../../src/modules/registrations/index.js';
import { getEvent } from '../../src/modules/events/index.js';
import { createPublishedEvent } from '../factories/events.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';

describe('admin forms: junk is refused by name, nothing changes', () => {
  const foro = useTestForo(import.meta.url);

  it('refuses unknown fields, repeated fields, an empty post and operator-looking keys on the registration settings', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const created = await createPublishedEvent({}, organizer.actor);
    const rules: Parameters<typeof saveRegistrationRules>[1] = {
      capacity: 120,
      categories: [{ key: 'media', capacity: 10, approval: true }],
    };
    await saveRegistrationRules(created.id, rules, foro.clock);
    const page = `/admin/events/${created.id}/registrations/settings`;
    const token = csrfTokenIn((await organizer.agent.get(page)).text);
    const post = (form: string) =>
      organizer.agent
        .post(page)
        .set('Accept', 'application/json')
        .type('form')
        .send(`_csrf=${encodeURIComponent(token)}&${form}`);
    const complete = 'capacity=120&capacity_media=10&approval_media=yes&' + otherCategories();

    const unknown = await post(`${complete}&capacity_everyone=5`);
    expect(unknown.status, unknown.text).to.equal(422);
    expect(unknown.text).to.contain('capacity_everyone');
    const repeated = await post(`${complete}&capacity=500`);
    expect(repeated.status).to.equal(422);
    expect(repeated.text).to.match(/<li><a href="#capacity">[^<]*el aforo/);
    const empty = await post('');
    expect(empty.status).to.equal(422);
    const operator = await post(`${complete}&email[$gt]=`);
    expect(operator.status).to.equal(422);
    expect(operator.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['email[$gt]']);

    const kept = await registrationRules(await getEvent(created.id));
    expect(kept.capacity).to.equal(120);
    expect(kept.categories.find((c) => c.key === 'media')).to.include({ approval: true });

    const valid = await post(complete.replace('capacity=120', 'capacity=90'));
    expect(valid.status).to.equal(303);
    expect((await registrationRules(await getEvent(created.id))).capacity).to.equal(90);
  });
});

/** The other categories' capacity fields, blank, as the page sends them. */
function otherCategories(): string {
  return [
    'government_delegation',
    'international_organization',
    'academia',
    'civil_society',
    'observer',
    'staff',
    'programme_participant',
  ]
    .map((key) => `capacity_${key}=`)
    .join('&');
}
