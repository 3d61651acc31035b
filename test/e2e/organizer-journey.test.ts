import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { createSession } from '../../src/modules/agenda/index.js';
import { createForum, PANEL } from '../factories/programme.js';
import { createTestPerson } from '../factories/people.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { signInWithBrowser, useBrowserPage } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';
import { deliverOutbox, useTestSmtp } from '../support/smtp.js';

/**
 * The message a save leaves on the next page (web/flash.ts), waited for by its words: a save
 * may come back to the same address, where the last message is still shown.
 */
async function expectSaid(page: Page, expected: string | RegExp): Promise<void> {
  const message = page.locator('main .flash[role="status"]', { hasText: expected });
  await message.waitFor();
  const text = await message.innerText();
  if (typeof expected === 'string') expect(text).to.equal(expected);
}

describe('browser: an organizer builds a session, invites, publishes and republishes', function () {
  this.timeout(150_000);
  const foro = useTestForo(import.meta.url, { env: { OUTBOX_WORKER: 'off' } });
  const browser = useBrowserPage({ locale: 'en-GB' });
  const smtp = useTestSmtp();

  it('adds a new person from the session and lands back there, sees each save confirmed, previews each mail, and reads old → new in the changelog and the notices', async () => {
    const organizer = await createTestUser({ role: 'organizer' });
    const actor = { userId: organizer.id, label: organizer.email, via: 'ui' as const };
    const event = await createForum(actor);
    const session = await createSession(
      event,
      { ...PANEL, roomId: event.rooms[0]!.id, status: 'scheduled' },
      actor,
      foro.clock,
    );
    await createTestPerson({
      givenName: 'João',
      familyName: 'Silva',
      email: 'joao@itamaraty.example',
      language: 'pt',
    });
    const page = browser.page;
    const sessionPage = `${foro.url}/admin/events/${event.id}/sessions/${session.id}`;
    await signInWithBrowser(page, foro.url, organizer.email, TEST_PASSWORD);

    // The session's header says when (start, end, zone) and where.
    await page.goto(sessionPage);
    const header = await page.locator('.session-when').innerText();
    expect(header).to.include('09:00–10:30, Guayaquil time (GMT-5)').and.include('Room: Salón Plenario');

    // A person the directory lacks: created from the session, in the role chosen there, and back.
    await page.locator('#people').getByRole('link', { name: 'New person' }).click();
    await page.getByLabel('Honorific').fill('Dra.');
    await page.getByLabel('Given name').fill('Rosa');
    await page.getByLabel('Family name').fill('Quispe');
    await page.getByLabel('Email').fill('rosa@flacso.example');
    await page.locator('#language').selectOption('es');
    await page.locator('#role').selectOption('commentator');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(sessionPage);
    await expectSaid(page, 'Dra. Rosa Quispe is now in the session (Commentator, Proposed).');
    expect(await page.locator('#people tr').filter({ hasText: 'Rosa Quispe' }).innerText()).to.include(
      'Commentator',
    );

    await page.getByLabel('Name or organization').fill('silva');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('form.candidate').filter({ hasText: 'João Silva' }).getByRole('button').click();
    await page.waitForURL(sessionPage);
    await expectSaid(page, 'João Silva is now in the session (Speaker, Proposed).');

    // The preview shows each mail as its readers will get it: one per language and role.
    await page.getByRole('link', { name: 'Invite the proposed people' }).click();
    const samples = page.locator('section.mail-sample');
    expect(await samples.locator('h3').allInnerTexts()).to.deep.equal([
      'Español · Commentator · recipients: 1',
      'Português · Speaker · recipients: 1',
    ]);
    expect(await samples.nth(0).locator('pre').innerText()).to.match(/^Estimada Dra\. Rosa Quispe:/);
    expect(await samples.nth(1).locator('pre').innerText()).to.match(/^Saudações, João Silva,/);
    await page.getByRole('button', { name: 'Send 2 invitations' }).click();
    await page.waitForURL(/\/admin\/outbox\/batches\//);
    await expectSaid(page, 'Invitations queued for sending: 2.');

    // Both confirm (as the organizer records it), and version 1 goes out.
    await page.goto(sessionPage);
    for (const name of ['Rosa Quispe', 'João Silva']) {
      const row = page.locator('#people tr').filter({ hasText: name });
      await row.locator('select[name="status"]').selectOption('confirmed');
      await row.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(sessionPage);
      await expectSaid(page, new RegExp(`${name} \\(\\w+\\): Confirmed\\.$`));
    }
    const publish = async (number: number) => {
      await page.goto(`${foro.url}/admin/events/${event.id}/programme`);
      await page.getByRole('button', { name: 'Publish a new version' }).click();
      await page.waitForURL(/\/programme(\?notices=.*)?$/);
      await expectSaid(page, `Version ${number} published.`);
    };
    await publish(1);

    // The session moves to another time and room; the save is confirmed and the header follows.
    await page.goto(sessionPage);
    await page.locator('#start').fill('11:00');
    await page.locator('#end').fill('12:30');
    await page.locator('#roomId').selectOption({ label: 'Sala Azuay (60)' });
    await page.locator('#edit').getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(sessionPage);
    await expectSaid(page, 'Session saved.');
    expect(await page.locator('.session-when').innerText())
      .to.include('11:00–12:30, Guayaquil time (GMT-5)')
      .and.include('Room: Sala Azuay');
    await publish(2);

    // The public programme links to what changed; that page knows it is the current version.
    await page.goto(`${foro.url}/events/${event.slug}/programme?lang=en`);
    await page.getByRole('link', { name: 'What changed since version 1' }).click();
    await page.waitForURL(/\/programme\/versions\/2$/);
    expect(await page.getByRole('note').first().innerText()).to.include('version 2, the current one');
    expect(await page.locator('main').innerText()).not.to.include('no longer current');
    expect(await page.locator('main').innerText()).to.match(
      /New time or room: Migration and development: [^\n]*09:00–10:30 \(GMT-5\), Salón Plenario → [^\n]*11:00–12:30 \(GMT-5\), Sala Azuay/,
    );
    await page.goto(`${foro.url}/events/${event.slug}/programme/versions/1?lang=en`);
    expect(await page.getByRole('note').first().innerText()).to.include('no longer current');

    // The change notices say the same, old → new, each in its reader's language.
    await deliverOutbox(smtp.url, foro.clock);
    const toRosa = smtp.mails.find(
      (m) => m.to.includes('rosa@flacso.example') && /^Cambios/.test(m.subject!),
    );
    expect(toRosa, 'Rosa is told of the change').to.not.equal(undefined);
    expect(toRosa!.parsed.text).to.match(/^Estimada Dra\. Rosa Quispe:/);
    expect(toRosa!.parsed.text).to.match(
      /«Migración y desarrollo»: nuevo horario o sala: [^\n]*09:00–10:30[^\n]*Salón Plenario → [^\n]*11:00–12:30[^\n]*Sala Azuay/,
    );

    // Event settings: a room added is said so.
    await page.goto(`${foro.url}/admin/events/${event.id}/settings`);
    const addRoom = page.locator('#rooms form').last();
    await addRoom.getByLabel('Room').fill('Sala Cuenca');
    await addRoom.getByRole('button', { name: 'Add room' }).click();
    await page.waitForURL(/\/settings$/);
    await expectSaid(page, 'Room “Sala Cuenca” added.');
    await page.reload();
    expect(await page.locator('main .flash').count(), 'said once').to.equal(0);
  });
});
