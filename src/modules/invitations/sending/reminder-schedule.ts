import type { Config } from '../../../config/index.js';
import type { Clock } from '../../../shared/clock.js';
import type { Logger } from '../../../shared/logger.js';
import { sendAllReminders } from './reminder.service.js';
import { mailSettingsOf } from '../setup.js';

/** Reminding silent invitees, as a task the schedule runs once per period across processes. */
export function reminderTask(config: Config, clock: Clock, logger: Logger) {
  return {
    name: 'invitation-reminders',
    everyMs: config.outbox.remindersEveryMs,
    run: async () => {
      const result = await sendAllReminders({ clock, settings: mailSettingsOf(config) });
      if (result.queued > 0) logger.info(result, 'reminders queued');
    },
  };
}
