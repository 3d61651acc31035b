export { invitationRoutes } from './invitation.routes.js';
export { invitationResponseRoutes } from './response.routes.js';
export { templateRoutes } from './templates.routes.js';
export { sendInvitations, inviteAgain, invitationsOf, type InviteScope } from './invite.service.js';
export { answerInvitation, openInvitation } from './response.service.js';
export { sendReminders, sendAllReminders, countDueReminders } from './reminder.service.js';
export { mailSettingsOf, parseMailbox } from './setup.js';
export {
  fullName,
  languageOf,
  personFields,
  sessionTimeFields,
  type MailDeps,
  type MailSettings,
} from './mail-context.js';
export { sessionInvite } from './invitation-mail.js';
export { reminderTask } from './reminder-schedule.js';
export { registerInvitationsApi } from './invitations.api.js';
