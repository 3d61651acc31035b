export { countDueMessages, enqueueMessage, type NewMessage } from './outbox.service.js';
export { createOutboxWorker, type OutboxWorker, type WorkerSettings } from './worker.js';
export { fileTransport, smtpTransport, type MailTransport } from './transport.js';
export { Message } from './message.model.js';
export { outboxWorkerFor } from './setup.js';
export { outboxRoutes } from './outbox.routes.js';
