import type { MailTemplate } from '../templates.js';
import type { InvitationKey } from './index.js';

const invitation = (task: string): MailTemplate => ({
  subject: 'Invitación: {{session}} ({{event}})',
  body: `{{greeting}}:

En nombre de los organizadores del {{event}}, tenemos el honor de invitarle a ${task} «{{session}}».

Fecha: {{day}}
Hora: {{time}}
Sala: {{room}}
Lugar: {{venue}}
Panel: {{panel}}

Le rogamos que confirme o decline su participación antes del {{deadline}}:
Confirmar: {{confirmUrl}}
Declinar: {{declineUrl}}

En la misma página puede indicarnos sus fechas de llegada y salida y sus necesidades de interpretación, accesibilidad y alimentación. El enlace es personal; por favor, no lo reenvíe.

Atentamente,
Los organizadores del {{event}}`,
});

export const es: Record<InvitationKey, MailTemplate> = {
  'invitation.chair': invitation('presidir la sesión'),
  'invitation.moderator': invitation('moderar la sesión'),
  'invitation.speaker': invitation('participar como ponente en la sesión'),
  'invitation.commentator': invitation('participar como comentarista en la sesión'),
  'invitation.rapporteur': invitation('actuar como relator/a de la sesión'),
  reminder: {
    subject: 'Recordatorio: {{session}} ({{event}})',
    body: `{{greeting}}:

Le recordamos nuestra invitación a participar como {{role}} en la sesión «{{session}}» del {{event}}, el {{day}}, {{time}}, en {{room}}.

Aún no hemos recibido su respuesta. Le agradeceríamos que confirme o decline antes del {{deadline}}:
Confirmar: {{confirmUrl}}
Declinar: {{declineUrl}}

Atentamente,
Los organizadores del {{event}}`,
  },
  confirmation: {
    subject: 'Participación confirmada: {{session}}',
    body: `{{greeting}}:

Gracias por confirmar su participación como {{role}} en la sesión «{{session}}» del {{event}}.

Fecha: {{day}}
Hora: {{time}}
Sala: {{room}}
Lugar: {{venue}}

Su mensaje: {{message}}
{{logistics}}

Adjuntamos la entrada para su calendario. Si sus planes cambian, puede modificar su respuesta hasta el {{deadline}}: {{responseUrl}}

Programa: {{programmeUrl}}

Atentamente,
Los organizadores del {{event}}`,
  },
  decline: {
    subject: 'Hemos recibido su respuesta: {{session}}',
    body: `{{greeting}}:

Hemos registrado que no podrá participar como {{role}} en la sesión «{{session}}» del {{event}}. Lamentamos no contar con usted.

Su mensaje: {{message}}

Si cambia de opinión antes del {{deadline}}, puede usar el mismo enlace: {{responseUrl}}

Atentamente,
Los organizadores del {{event}}`,
  },
  'team.declined': {
    subject: '{{name}} ha declinado: {{session}}',
    body: `{{honorific}} {{name}} ha declinado la invitación como {{role}} en la sesión «{{session}}» ({{day}}, {{time}}).

Mensaje: {{message}}

Su respuesta y la sesión: {{adminUrl}}`,
  },
  change: {
    subject: 'Cambios en el programa: {{event}}',
    body: `{{greeting}}:

El programa del {{event}} ha cambiado en lo que le concierne:

{{changes}}

Adjuntamos las entradas de calendario actualizadas; su programa de correo las actualizará en su lugar.

Programa completo: {{programmeUrl}}

Atentamente,
Los organizadores del {{event}}`,
  },
  announcement: {
    subject: '{{event}}: {{title}}',
    body: `{{greeting}}:

{{message}}

Atentamente,
Los organizadores del {{event}}
{{programmeUrl}}`,
  },
};
