import { expect } from 'chai';
import { DEMO_USERS, seedDemo } from '../../src/modules/demo/index.js';
import { Event, getEvent } from '../../src/modules/events/index.js';
import { addSlots } from '../../src/modules/side-events/index.js';
import { Message } from '../../src/modules/messaging/index.js';
import { Registration } from '../../src/modules/registrations/index.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, signIn, signedInAs } from '../support/http.js';
import { queriesDuring } from '../support/queries.js';

type Agent = ReturnType<typeof browserAgent>;

/** The links of the event menu in a page. */
function menuLinks(html: string): string[] {
  const nav = /<nav class="event-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  return [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
}

describe('event workspace: the overview, the event menu and the home page', function () {
  this.timeout(180_000);
  const foro = useTestForo(import.meta.url);

  async function demo() {
    const report = await seedDemo({ label: 'test seed', via: 'cli' }, foro.clock);
    const event = await Event.findOne({ slug: report.event.slug }).lean();
    const signInDemo = async (index: 0 | 1) => {
      const agent = browserAgent(foro.url);
      await signIn(agent, DEMO_USERS[index].email, report.logins[index]!.password!);
      return agent;
    };
    return { eventId: String(event!._id), admin: await signInDemo(0), team: await signInDemo(1) };
  }

  it('reads the event once for a page and its menu', async () => {
    const { eventId, team } = await demo();
    const eventReads = (queries: { collection: string; filter: Record<string, unknown> }[]) =>
      queries.filter((q) => q.collection === 'events' && String(q.filter['_id']) === eventId).length;
    for (const page of ['settings', 'agenda', 'delegations', 'documents']) {
      let status = 0;
      const reads = eventReads(
        await queriesDuring(async () => {
          status = (await team.get(`/admin/events/${eventId}/${page}`)).status;
        }),
      );
      expect([page, status, reads]).to.deep.equal([page, 200, 1]);
    }
  });

  it('walks the demo event menu as admin, team organizer, viewer and another organizer: every entry opens, none it cannot', async () => {
    const { eventId, admin, team } = await demo();
    const viewer = (await signedInAs(foro.url, 'viewer')).agent;
    const outsider = (await signedInAs(foro.url, 'organizer')).agent;
    const readers: [string, Agent][] = [
      ['admin', admin],
      ['team', team],
      ['viewer', viewer],
      ['another organizer', outsider],
    ];
    const menus = new Map<string, string[]>();
    for (const [who, agent] of readers) {
      const overview = await agent.get(`/admin/events/${eventId}`).set('Accept-Language', 'en');
      expect(overview.status, who).to.equal(200);
      const links = menuLinks(overview.text);
      menus.set(who, links);
      for (const href of links) {
        const page = await agent.get(href);
        expect(page.status, `${who} opens ${href}`).to.equal(200);
        expect(menuLinks(page.text), `${who}: ${href} carries the same menu`).to.deep.equal(links);
      }
    }
    const everything = menus.get('admin')!;
    expect(everything.length, 'the menu of an admin').to.be.at.least(15);
    expect(menus.get('team')).to.deep.equal(everything);
    // What a reader is not offered is what they may not open.
    for (const [who, agent] of readers.slice(2)) {
      const hidden = everything.filter((href) => !menus.get(who)!.includes(href));
      expect(hidden.map((href) => href.split('/').pop()).sort(), who).to.deep.equal([
        'announcements',
        'check-in',
        'credentials',
        'letters',
        'mail-templates',
        'settings',
      ]);
      for (const href of hidden) {
        expect((await agent.get(href)).status, `${who} may not open ${href}`).to.equal(403);
      }
    }
  });

  it('shows what waits on the team, counted from the records, each with the page that settles it', async () => {
    const { eventId, team } = await demo();
    const pending = await Registration.countDocuments({ eventId, status: 'pending' });
    expect(pending, 'the demo has registrations to approve').to.be.greaterThan(0);
    await Message.updateOne({ relatedKeys: `event:${eventId}` }, { $set: { status: 'failed' } });

    const overview = (await team.get(`/admin/events/${eventId}`).set('Accept-Language', 'en')).text;
    expect(overview).to.contain(
      `<a href="/admin/events/${eventId}/registrations?status=pending">Registrations to approve: ${pending}</a>`,
    );
    expect(overview).to.contain(
      `<a href="/admin/outbox?event=${eventId}&amp;status=failed">Mails not delivered: 1</a>`,
    );
    expect(overview).to.match(/Participating countries<\/dt>\s*<dd>22<\/dd>/);

    const outbox = await team.get(`/admin/outbox?event=${eventId}&status=failed`);
    expect(outbox.status).to.equal(200);
    expect((outbox.text.match(/<tr/g) ?? []).length, 'the failed mail and the header row').to.equal(2);

    const home = (await team.get('/admin').set('Accept-Language', 'en')).text;
    expect(home).to.contain('Ibero-American Forum on Migration and Development');
    expect(home).to.contain(`Registrations to approve: ${pending}`);
    const stranger = (
      await (await signedInAs(foro.url, 'organizer')).agent.get('/admin').set('Accept-Language', 'en')
    ).text;
    expect(stranger).to.contain('You are not yet in the team of any active event');
  });

  it('shows the plenary (lists of speakers, states by credentials), the bilaterals (asked, accepted, free slots) and the outcome document on the overview', async () => {
    const { eventId, team } = await demo();
    const event = await getEvent(eventId);
    const panels = async () => (await team.get(`/admin/events/${eventId}`).set('Accept-Language', 'en')).text;
    const before = await panels();
    // The demo's published list of speakers, Ecuador's credentials among the delegations' states,
    // and its bilaterals: Ecuador and Brazil's accepted, Mexico's request to Peru unanswered, 7 of 8 slots free.
    expect(before)
      .to.contain('>Plenary</a>')
      .and.match(/Lists of speakers<\/a>\s*<\/dt>\s*<dd>1<\/dd>/)
      .and.match(/Lists published<\/dt>\s*<dd>1 \/ 1<\/dd>/)
      .and.match(/>Accredited<\/a>\s*<\/dt>\s*<dd>1 \/ 22<\/dd>/)
      .and.match(/Not accredited<\/a>\s*<\/dt>\s*<dd>21 \/ 22<\/dd>/);
    expect(before)
      .to.contain('Bilateral meetings</a></h2>')
      .and.match(/Asked, no answer yet<\/dt>\s*<dd>1<\/dd>/)
      .and.match(/Accepted, with room and time<\/a>\s*<\/dt>\s*<dd>1<\/dd>/)
      .and.match(/Free slots<\/dt>\s*<dd>7 \/ 8<\/dd>/);
    // The demo's zero draft: ten paragraphs, none agreed yet, three proposals in its open round.
    expect(before)
      .to.contain('Outcome document</a></h2>')
      .and.match(/>Texts<\/a>\s*<\/dt>\s*<dd>1<\/dd>/)
      .and.match(/Paragraphs agreed<\/dt>\s*<dd>0 \/ 10<\/dd>/)
      .and.contain('Amendment proposals to decide: 3');

    await addSlots(event, 'bilateral', {
      roomId: event.rooms[0]!.id,
      date: event.startDate,
      start: '13:00',
      end: '14:00',
      minutes: 30,
    });
    const after = await panels();
    expect(after).to.match(/Free slots<\/dt>\s*<dd>9 \/ 10<\/dd>/, 'two more slots, both free');
  });
});
