import type { MailTemplate } from '../templates.js';
import type { InvitationKey } from './index.js';

const invitation = (task: string): MailTemplate => ({
  subject: 'Invitation: {{session}} ({{event}})',
  body: `{{greeting}},

On behalf of the organizers of the {{event}}, we have the honour to invite you to ${task} “{{session}}”.

Date: {{day}}
Time: {{time}}
Room: {{room}}
Venue: {{venue}}
Panel: {{panel}}

Please confirm or decline by {{deadline}}:
Confirm: {{confirmUrl}}
Decline: {{declineUrl}}

On the same page you can tell us your arrival and departure dates and your interpretation, accessibility and dietary needs. The link is personal; please do not forward it.

Yours sincerely,
The organizers of the {{event}}`,
});

export const en: Record<InvitationKey, MailTemplate> = {
  'invitation.chair': invitation('chair the session'),
  'invitation.moderator': invitation('moderate the session'),
  'invitation.speaker': invitation('speak in the session'),
  'invitation.commentator': invitation('act as commentator in the session'),
  'invitation.rapporteur': invitation('act as rapporteur of the session'),
  reminder: {
    subject: 'Reminder: {{session}} ({{event}})',
    body: `{{greeting}},

This is a reminder of our invitation to take part as {{role}} in the session “{{session}}” of the {{event}}, on {{day}}, {{time}}, in {{room}}.

We have not yet received your answer. Please confirm or decline by {{deadline}}:
Confirm: {{confirmUrl}}
Decline: {{declineUrl}}

Yours sincerely,
The organizers of the {{event}}`,
  },
  confirmation: {
    subject: 'Participation confirmed: {{session}}',
    body: `{{greeting}},

Thank you for confirming your participation as {{role}} in the session “{{session}}” of the {{event}}.

Date: {{day}}
Time: {{time}}
Room: {{room}}
Venue: {{venue}}

Your message: {{message}}
{{logistics}}

The calendar entry is attached. If your plans change, you can change your answer until {{deadline}}: {{responseUrl}}

Programme: {{programmeUrl}}

Yours sincerely,
The organizers of the {{event}}`,
  },
  decline: {
    subject: 'We have received your answer: {{session}}',
    body: `{{greeting}},

We have recorded that you cannot take part as {{role}} in the session “{{session}}” of the {{event}}. We are sorry you cannot join us.

Your message: {{message}}

If you change your mind before {{deadline}}, you can use the same link: {{responseUrl}}

Yours sincerely,
The organizers of the {{event}}`,
  },
  'team.declined': {
    subject: '{{name}} declined: {{session}}',
    body: `{{honorific}} {{name}} declined the invitation as {{role}} in the session “{{session}}” ({{day}}, {{time}}).

Message: {{message}}

The answer and the session: {{adminUrl}}`,
  },
  change: {
    subject: 'Programme changes: {{event}}',
    body: `{{greeting}},

The programme of the {{event}} has changed where it concerns you:

{{changes}}

The updated calendar entries are attached; your mail program will update them in place.

Full programme: {{programmeUrl}}

Yours sincerely,
The organizers of the {{event}}`,
  },
  announcement: {
    subject: '{{event}}: {{title}}',
    body: `{{greeting}},

{{message}}

Yours sincerely,
The organizers of the {{event}}
{{programmeUrl}}`,
  },
};
