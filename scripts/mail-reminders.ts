/**
 * Queues the reminders that are due now, for every event (or one), then exits.
 * The outbox worker sends them (`npm run mail:send`, or the web server's worker).
 *
 *   npm run mail:reminders
 *   npm run mail:reminders -- --event foro-cuenca-2008
 */
import { parseArgs } from 'node:util';
import { listEvents } from '../src/modules/events/index.js';
import { mailSettingsOf, sendAllReminders, sendReminders } from '../src/modules/invitations/index.js';
import { runScript } from './support.js';

const { values } = parseArgs({ options: { event: { type: 'string' } } });

await runScript('mail:reminders', async ({ config, clock }) => {
  const deps = { clock, settings: mailSettingsOf(config) };
  if (values.event) {
    const event = (await listEvents()).find((e) => e.slug === values.event);
    if (!event) {
      console.error(`No event with the slug ${values.event}.`);
      return 1;
    }
    const result = await sendReminders(event, deps);
    console.log(`Queued ${result.queued} reminders for ${event.slug}.`);
    return;
  }
  const result = await sendAllReminders(deps);
  console.log(`Queued ${result.queued} reminders across ${result.events} events.`);
});
