export { invitationRoutes } from './invitation.routes.js';
export { invitationResponseRoutes } from './answering/response.routes.js';
export { templateRoutes } from './templates/templates.routes.js';
export { sendInvitations, inviteAgain, invitationsOf, type InviteScope } from './sending/invite.service.js';
export { answerInvitation, openInvitation } from './answering/response.service.js';
export { sendReminders, sendAllReminders, countDueReminders } from './sending/reminder.service.js';
export { mailSettingsOf, parseMailbox } from './setup.js';
export {
  fullName,
  languageOf,
  organizerOf,
  personFields,
  sessionTimeFields,
  type MailDeps,
  type MailSettings,
} from './mail-context.js';
export { sessionInvite } from './sending/invitation-mail.js';
export { reminderTask } from './sending/reminder-schedule.js';
export { registerInvitationsApi } from './invitations.api.js';
export { invitationsWorkspace } from './invitations.workspace.js';
