export { countDueMessages, enqueueMessage, type NewMessage } from './outbox.service.js';
export { createOutboxWorker, type OutboxWorker, type WorkerSettings } from './worker.js';
export { fileTransport, smtpTransport, type MailTransport } from './transport.js';
export { envelopeOf, parseMailbox, type MailSender } from '../../shared/mailbox.js';
export { Message } from './message.model.js';
export { outboxWorkerFor } from './setup.js';
export { outboxRoutes } from './outbox.routes.js';
export {
  PLACEHOLDERS,
  TEMPLATE_KEYS,
  defaultTemplate,
  isTemplateKey,
  type MailFields,
  type RegistrationKey,
  type SideEventKey,
  type TemplateKey,
} from './catalogue/index.js';
export {
  composeMail,
  customizedTemplates,
  eventTemplate,
  queueTemplatedMail,
  resetEventTemplate,
  saveEventTemplate,
} from './template.service.js';
export { renderMail, unknownPlaceholders, type MailTemplate, type RenderedMail } from './templates.js';
export { batchProgress, mailsAbout } from './history.service.js';
export { greetingFor } from './greeting.js';
export { numberOlderMessages } from './numbering.js';
export { messagingWorkspace } from './messaging.workspace.js';
