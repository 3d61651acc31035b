import type { MailTemplate } from '../templates.js';
import type { InvitationKey } from './index.js';

const invitation = (task: string): MailTemplate => ({
  subject: 'Convite: {{session}} ({{event}})',
  body: `{{greeting}},

Em nome dos organizadores do {{event}}, temos a honra de convidá-lo/a a ${task} “{{session}}”.

Data: {{day}}
Horário: {{time}}
Sala: {{room}}
Local: {{venue}}
Painel: {{panel}}

Pedimos que confirme ou recuse sua participação até {{deadline}}:
Confirmar: {{confirmUrl}}
Recusar: {{declineUrl}}

Na mesma página pode informar suas datas de chegada e partida e suas necessidades de interpretação, acessibilidade e alimentação. O link é pessoal; por favor, não o encaminhe.

Atenciosamente,
Os organizadores do {{event}}`,
});

export const pt: Record<InvitationKey, MailTemplate> = {
  'invitation.chair': invitation('presidir a sessão'),
  'invitation.moderator': invitation('moderar a sessão'),
  'invitation.speaker': invitation('participar como palestrante na sessão'),
  'invitation.commentator': invitation('participar como comentarista na sessão'),
  'invitation.rapporteur': invitation('atuar como relator/a da sessão'),
  reminder: {
    subject: 'Lembrete: {{session}} ({{event}})',
    body: `{{greeting}},

Lembramos nosso convite para participar como {{role}} na sessão “{{session}}” do {{event}}, em {{day}}, {{time}}, na sala {{room}}.

Ainda não recebemos sua resposta. Pedimos que confirme ou recuse até {{deadline}}:
Confirmar: {{confirmUrl}}
Recusar: {{declineUrl}}

Atenciosamente,
Os organizadores do {{event}}`,
  },
  confirmation: {
    subject: 'Participação confirmada: {{session}}',
    body: `{{greeting}},

Obrigado por confirmar sua participação como {{role}} na sessão “{{session}}” do {{event}}.

Data: {{day}}
Horário: {{time}}
Sala: {{room}}
Local: {{venue}}

Sua mensagem: {{message}}
{{logistics}}

Anexamos a entrada para seu calendário. Se seus planos mudarem, pode alterar sua resposta até {{deadline}}: {{responseUrl}}

Programa: {{programmeUrl}}

Atenciosamente,
Os organizadores do {{event}}`,
  },
  decline: {
    subject: 'Recebemos sua resposta: {{session}}',
    body: `{{greeting}},

Registramos que não poderá participar como {{role}} na sessão “{{session}}” do {{event}}. Lamentamos não contar com sua presença.

Sua mensagem: {{message}}

Se mudar de ideia antes de {{deadline}}, pode usar o mesmo link: {{responseUrl}}

Atenciosamente,
Os organizadores do {{event}}`,
  },
  'team.declined': {
    subject: '{{name}} recusou: {{session}}',
    body: `{{honorific}} {{name}} recusou o convite como {{role}} na sessão “{{session}}” ({{day}}, {{time}}).

Mensagem: {{message}}

A resposta e a sessão: {{adminUrl}}`,
  },
  change: {
    subject: 'Mudanças no programa: {{event}}',
    body: `{{greeting}},

O programa do {{event}} mudou no que lhe diz respeito:

{{changes}}

Anexamos as entradas de calendário atualizadas; seu programa de e-mail as atualizará no lugar.

Programa completo: {{programmeUrl}}

Atenciosamente,
Os organizadores do {{event}}`,
  },
  announcement: {
    subject: '{{event}}: {{title}}',
    body: `{{greeting}},

{{message}}

Atenciosamente,
Os organizadores do {{event}}
{{programmeUrl}}`,
  },
};
