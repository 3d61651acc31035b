/**
 * Erases passport and travel data of every event whose retention period is over, and records
 * it in the audit trail.
 *
 *   npm run privacy:purge
 */
import { purgeExpiredEvents } from '../src/modules/registrations/index.js';
import { runScript } from './support.js';

await runScript('privacy:purge', async ({ clock, actor }) => {
  const done = await purgeExpiredEvents(actor, clock);
  if (done.length === 0) console.log('No event is past its retention period.');
  for (const event of done) {
    console.log(
      `${event.slug}: ${event.passports} passport records and ${event.travel} travel records erased.`,
    );
  }
});
