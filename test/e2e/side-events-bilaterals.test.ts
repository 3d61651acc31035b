import { expect } from 'chai';
import { NationalContact } from '../../src/modules/contacts/index.js';
import { getEvent } from '../../src/modules/events/index.js';
import { addSlots } from '../../src/modules/side-events/index.js';
import { saveCallSettings } from '../../src/modules/side-events/call.service.js';
import { createPublishedEvent } from '../factories/events.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { signInWithBrowser, useBrowserPage } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';
import { parseCalendar } from '../support/ical.js';
import { deliverOutbox, useTestSmtp } from '../support/smtp.js';

describe('browser: a side event from the public form to the programme, and a bilateral agreed by two focal points', function () {
  this.timeout(180_000);
  const foro = useTestForo(import.meta.url, { env: { OUTBOX_WORKER: 'off' } });
  const browser = useBrowserPage({ locale: 'en-GB' });
  const smtp = useTestSmtp();
  const deliver = () => deliverOutbox(smtp.url, foro.clock);
  const mailTo = (to: string, subject: RegExp) => {
    const mail = smtp.mails.find((m) => m.to.includes(to) && subject.test(m.subject ?? ''));
    expect(mail, `a mail to ${to} with ${subject}`).to.not.equal(undefined);
    return mail!;
  };

  async function forum() {
    const organizer = await createTestUser({ role: 'organizer', name: 'Equipo CELADE' });
    const actor = { userId: organizer.id, label: organizer.email, via: 'ui' as const };
    const created = await createPublishedEvent({ countries: ['EC', 'PE'] }, actor);
    const event = await getEvent(created.id);
    const azuay = event.rooms.find((r) => r.name === 'Sala Azuay')!;
    return { organizer, actor, event, azuay };
  }

  it('a civil society proposer submits in English, the organizer accepts into a slot, and the published programme shows it', async () => {
    const { organizer, actor, event, azuay } = await forum();
    await saveCallSettings(event, { opensOn: '2008-03-01', closesOn: '2008-04-05' }, actor, foro.clock);
    const slots = await addSlots(event, 'side-event', {
      roomId: azuay.id,
      date: '2008-04-10',
      start: '13:00',
      end: '15:00',
      minutes: 60,
    });
    expect(slots).to.have.length(2);

    // The proposer, with no account, in English.
    const proposerContext = await browser.page.context().browser()!.newContext({ locale: 'en-GB' });
    const proposer = await proposerContext.newPage();
    await proposer.goto(`${foro.url}/events/${event.slug}/side-events/propose?lang=en`);
    await proposer.locator('#title_en').fill('Remittances and local development');
    await proposer.locator('#description_en').fill('How remittances finance local projects.');
    await proposer.locator('#org_0_organization').fill('Red Migrante');
    await proposer.locator('#org_0_country').selectOption({ label: 'Ecuador' });
    await proposer.locator('#org_0_sector').selectOption({ label: 'Civil society' });
    await proposer.getByLabel('Given name').fill('Jane');
    await proposer.getByLabel('Family name').fill('Doe');
    await proposer.getByLabel('Email').fill('jane@redmigrante.example');
    await proposer.getByLabel('Expected attendance').fill('40');
    await proposer.locator('#slot_1').selectOption({ index: 2 });
    await proposer.getByRole('button', { name: 'Send the proposal' }).click();
    await proposer.waitForURL(/\/side-events\/[A-Za-z0-9_-]{43}/);
    expect(await proposer.getByRole('status').first().innerText()).to.contain('Proposal sent.');
    await deliver();
    mailTo('jane@redmigrante.example', /^Side event proposal received: Remittances and local development$/);

    // The organizer accepts it into its preferred slot.
    const page = browser.page;
    await signInWithBrowser(page, foro.url, organizer.email, TEST_PASSWORD);
    await page.goto(`${foro.url}/admin/events/${event.id}/side-events?lang=en`);
    await page.getByRole('link', { name: 'Remittances and local development' }).click();
    await page.waitForURL(/\/side-events\/[0-9a-f]{24}$/);
    expect(await page.locator('select[name="slotId"]').inputValue()).to.equal(slots[1]!.id);
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Proposal accepted; its session is in the programme.' })
      .waitFor();
    expect(await page.locator('#slot').innerText()).to.contain('14:00');

    await page.goto(`${foro.url}/admin/events/${event.id}/agenda`);
    await page.getByRole('link', { name: 'Publish the programme' }).click();
    await page.getByRole('button', { name: 'Publish a new version' }).click();
    await page.waitForURL(/\/programme$/);

    await proposer.goto(`${foro.url}/events/${event.slug}/programme?lang=en`);
    const session = proposer
      .locator('.programme-session')
      .filter({ hasText: 'Remittances and local development' });
    expect(await session.innerText())
      .to.contain('14:00–15:00 (GMT-5)')
      .and.contain('Sala Azuay');
    await deliver();
    mailTo('jane@redmigrante.example', /accepted/i);
    await proposerContext.close();
  });

  it('one focal point asks for a bilateral, the other accepts a slot, and both get the calendar entry by mail', async () => {
    const { organizer, event, azuay } = await forum();
    await addSlots(event, 'bilateral', {
      roomId: azuay.id,
      date: '2008-04-10',
      start: '13:00',
      end: '14:00',
      minutes: 30,
    });
    await NationalContact.create([
      {
        country: 'PE',
        institution: 'foreign_affairs',
        type: 'focal_point',
        name: 'Rosa Quispe',
        email: 'rosa@rree.pe.example',
        language: 'en',
      },
      {
        country: 'EC',
        institution: 'foreign_affairs',
        type: 'focal_point',
        name: 'Luis Vega',
        email: 'luis@cancilleria.ec.example',
        language: 'en',
      },
    ]);
    const page = browser.page;
    await signInWithBrowser(page, foro.url, organizer.email, TEST_PASSWORD);
    for (const [country, contact] of [
      ['Peru', 'Rosa Quispe'],
      ['Ecuador', 'Luis Vega'],
    ] as const) {
      await page.goto(`${foro.url}/admin/events/${event.id}/delegations?lang=en`);
      await page.locator('#country').selectOption({ label: country });
      await page.locator('#contactId').selectOption({ label: `${contact} (Focal point)` });
      await page.getByLabel('Quota').fill('2');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page.waitForURL(/done=invited/);
    }
    await deliver();
    const linkOf = (to: string) => {
      const mail = smtp.mails.find((m) => m.to.includes(to))!;
      const url = new URL(/https?:\/\/\S+\/nominations\/[A-Za-z0-9_-]{43}/.exec(mail.parsed.text ?? '')![0]);
      return `${foro.url}${url.pathname}`;
    };
    const peru = await page.context().browser()!.newContext({ locale: 'en-GB' });
    const ecuador = await page.context().browser()!.newContext({ locale: 'en-GB' });
    const rosa = await peru.newPage();
    const luis = await ecuador.newPage();

    await rosa.goto(`${linkOf('rosa@rree.pe.example')}?lang=en`);
    await rosa.locator('#bilaterals-link a:not(#bilaterals-feed)').click();
    await rosa.getByLabel('With').selectOption({ label: 'Ecuador' });
    await rosa.locator('input[name="slotIds"]').nth(0).check();
    await rosa.locator('input[name="slotIds"]').nth(1).check();
    await rosa.getByLabel('Subject').fill('Labour mobility agreement');
    await rosa.getByLabel('Level').selectOption({ label: 'Ministerial' });
    await rosa.getByRole('button', { name: 'Send the request' }).click();
    await rosa.getByRole('status').filter({ hasText: 'Request sent.' }).waitFor();

    await luis.goto(`${linkOf('luis@cancilleria.ec.example')}?lang=en`);
    await luis.locator('#bilaterals-link a:not(#bilaterals-feed)').click();
    const row = luis.locator('#bilaterals tbody tr').filter({ hasText: 'Labour mobility agreement' });
    expect(await row.innerText()).to.contain('Peru');
    await row.locator('select[name="slotId"]').selectOption({ index: 1 });
    await row.getByRole('button', { name: 'Accept', exact: true }).click();
    await luis.getByRole('status').filter({ hasText: 'Bilateral meeting booked' }).waitFor();
    expect(await luis.locator('#bilaterals tbody tr').first().innerText()).to.contain('13:30');

    await deliver();
    const uids = new Set<string>();
    for (const to of ['rosa@rree.pe.example', 'luis@cancilleria.ec.example']) {
      const mail = mailTo(to, /^Bilateral meeting with /);
      const ics = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
      expect(ics, `a calendar entry for ${to}`).to.not.equal(undefined);
      const calendar = parseCalendar(ics!.content.toString('utf8'));
      expect(calendar.method).to.equal('REQUEST');
      expect(calendar.events).to.have.length(1);
      const entry = calendar.events[0]!;
      expect(entry.tzid).to.equal('America/Guayaquil');
      expect(entry.start.toISOString()).to.equal('2008-04-10T18:30:00.000Z');
      expect(entry.location).to.contain('Sala Azuay');
      expect(entry.attendees.map((a) => a.value)).to.deep.equal([`mailto:${to}`]);
      uids.add(entry.uid);
    }
    expect(uids.size, 'one meeting, one UID').to.equal(1);
    await peru.close();
    await ecuador.close();
  });
});
