import type { Config } from '../../config/index.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { fileTransport, smtpTransport } from './transport.js';
import { createOutboxWorker } from './worker.js';

/** The outbox worker the configuration asks for: SMTP_URL, or .eml files under DATA_DIR/mail. */
export function outboxWorkerFor(config: Config, clock: Clock, logger: Logger) {
  const transport = config.mail.smtpUrl
    ? smtpTransport(config.mail.smtpUrl)
    : fileTransport(config.mail.fileDir);
  return createOutboxWorker({
    transport,
    clock,
    logger,
    settings: {
      from: config.mail.from,
      replyTo: config.mail.replyTo,
      retryMinutes: config.outbox.retryMinutes,
      leaseMs: config.outbox.leaseMs,
    },
  });
}
