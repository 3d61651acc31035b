import type { Config } from '../../config/index.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { sendAllReminders } from './reminder.service.js';
import { mailSettingsOf } from './setup.js';

/**
 * Reminds silent invitees on a schedule, next to the outbox worker. Several processes running
 * it at once is harmless: each reminder has its own dedupe key.
 */
export function startReminderSchedule(
  config: Config,
  clock: Clock,
  logger: Logger,
): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = sendAllReminders({ clock, settings: mailSettingsOf(config) })
      .then((result) => {
        if (result.queued > 0) logger.info(result, 'reminders queued');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'reminders failed'))
      .finally(() => {
        running = undefined;
      });
  }, config.outbox.remindersEveryMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
