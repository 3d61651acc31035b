import { expect } from 'chai';
import { createSession, getSession } from '../../src/modules/agenda/index.js';
import { AuditEntry } from '../../src/modules/audit/audit.model.js';
import { createPublishedEvent } from '../factories/events.js';
import { PANEL } from '../factories/programme.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { signInWithBrowser, useBrowserPage } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';

describe('browser: moving a session by dragging it on the builder', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url);
  const browser = useBrowserPage({ locale: 'en-GB' });

  it('drops a session on another room and time, keeping its length, and records the move', async () => {
    const organizer = await createTestUser({ role: 'organizer' });
    const actor = { userId: organizer.id, label: organizer.email, via: 'ui' as const };
    const event = await createPublishedEvent({ slug: 'cuenca-2008' }, actor);
    const session = await createSession(
      event,
      { ...PANEL, title: { en: 'Remittances and development' }, roomId: event.rooms[0]!.id },
      actor,
      foro.clock,
    );
    const page = browser.page;
    await page.setViewportSize({ width: 1280, height: 1400 });
    await signInWithBrowser(page, foro.url, organizer.email, TEST_PASSWORD);
    await page.goto(`${foro.url}/admin/events/${event.id}/agenda?day=2008-04-10`);
    expect(await page.locator('#drag-hint').isVisible()).to.equal(true);

    // Grab the block by its top edge and drop it on the second room's column at the 11:00 row.
    const block = page.locator(`#session-${session.id}`);
    const grid = (await page.locator('.builder').boundingBox())!;
    const room = (await page.locator('.room-head').nth(1).boundingBox())!;
    const row = (await page.locator('.slot[data-time="11:00"]').boundingBox())!;
    await block.dragTo(page.locator('.builder'), {
      sourcePosition: { x: 10, y: 2 },
      targetPosition: { x: room.x + room.width / 2 - grid.x, y: row.y + 3 - grid.y },
    });
    await page.waitForURL(/moved=/);

    const moved = await getSession(event.id, session.id);
    expect(moved.roomId).to.equal(event.rooms[1]!.id);
    expect(moved.startsAt!.toISOString()).to.equal('2008-04-10T16:00:00.000Z'); // 11:00 in Cuenca
    expect(moved.endsAt!.toISOString()).to.equal('2008-04-10T17:30:00.000Z');
    expect(await page.locator(`#session-${session.id}.moved`).count()).to.equal(1);
    expect(await AuditEntry.countDocuments({ action: 'session.moved', subjectId: session.id })).to.equal(1);
  });
});
