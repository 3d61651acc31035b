import type { MailTemplate } from '../templates.js';
import type { SideEventKey } from './index.js';

const es = (subject: string, middle: string): MailTemplate => ({
  subject,
  body: `{{greeting}}:

${middle}

Su página del evento paralelo: {{manageUrl}}

Atentamente,
Los organizadores del {{event}}`,
});
const en = (subject: string, middle: string): MailTemplate => ({
  subject,
  body: `{{greeting}},

${middle}

Your side event’s page: {{manageUrl}}

Yours sincerely,
The organizers of the {{event}}`,
});
const pt = (subject: string, middle: string): MailTemplate => ({
  subject,
  body: `{{greeting}},

${middle}

Página do seu evento paralelo: {{manageUrl}}

Atenciosamente,
Os organizadores do {{event}}`,
});
const bilateralEs = (subject: string, middle: string): MailTemplate => ({
  subject,
  body: `{{greeting}}:

${middle}

Su página de la delegación: {{manageUrl}}

Atentamente,
Los organizadores del {{event}}`,
});
const bilateralEn = (subject: string, middle: string): MailTemplate => ({
  subject,
  body: `{{greeting}},

${middle}

Your delegation’s page: {{manageUrl}}

Yours sincerely,
The organizers of the {{event}}`,
});
const bilateralPt = (subject: string, middle: string): MailTemplate => ({
  subject,
  body: `{{greeting}},

${middle}

Página da sua delegação: {{manageUrl}}

Atenciosamente,
Os organizadores do {{event}}`,
});

export const sideEventsEs: Record<SideEventKey, MailTemplate> = {
  'sideEvent.received': es(
    'Propuesta de evento paralelo recibida: {{title}}',
    `Hemos recibido su propuesta de evento paralelo «{{title}}» para el {{event}}.

Puede seguirla y modificarla en su página hasta el cierre de la convocatoria ({{deadline}}). El enlace es personal; le rogamos no reenviarlo.`,
  ),
  'sideEvent.accepted': es(
    'Evento paralelo aceptado: {{title}}',
    `Nos complace comunicarle que su evento paralelo «{{title}}» ha sido aceptado en el programa del {{event}}.

Fecha: {{day}}
Hora: {{time}}
Sala: {{room}}`,
  ),
  'sideEvent.waitlisted': es(
    'Evento paralelo en lista de espera: {{title}}',
    `Su propuesta «{{title}}» ha quedado en lista de espera. Si un horario queda libre, se lo ofreceremos por correo.`,
  ),
  'sideEvent.rejected': es(
    'Propuesta de evento paralelo no aceptada: {{title}}',
    `Lamentamos comunicarle que su propuesta «{{title}}» no ha podido ser aceptada.

Motivo: {{reason}}`,
  ),
  'sideEvent.merged': es(
    'Propuestas unidas en un evento paralelo conjunto: {{title}}',
    `Su propuesta se ha unido a otra en un evento paralelo conjunto, «{{title}}». Las decisiones sobre la propuesta conjunta le llegarán a usted y a los demás proponentes.`,
  ),
  'sideEvent.slotOffered': es(
    'Horario libre para su evento paralelo: {{title}}',
    `Ha quedado libre un horario para su propuesta «{{title}}», que estaba en lista de espera:

Fecha: {{day}}
Hora: {{time}}
Sala: {{room}}

Si lo desea, acéptelo en su página.`,
  ),
  'bilateral.requested': bilateralEs(
    'Solicitud de reunión bilateral de {{country}}: {{event}}',
    `La delegación de {{country}} solicita una reunión bilateral con su delegación.

Asunto: {{title}}
Nivel: {{level}}
Horarios propuestos:
{{slots}}

Acepte uno de los horarios o decline la solicitud en su página.`,
  ),
  'bilateral.booked': bilateralEs(
    'Reunión bilateral con {{country}}: {{day}}, {{time}}',
    `La reunión bilateral con la delegación de {{country}} queda reservada.

Asunto: {{title}}
Fecha: {{day}}
Hora: {{time}}
Sala: {{room}}

Se adjunta la entrada de calendario.`,
  ),
  'bilateral.moved': bilateralEs(
    'Reunión bilateral con {{country}} cambiada: {{day}}, {{time}}',
    `La reunión bilateral con la delegación de {{country}} tiene un nuevo horario.

Asunto: {{title}}
Fecha: {{day}}
Hora: {{time}}
Sala: {{room}}

Se adjunta la entrada de calendario actualizada.`,
  ),
  'bilateral.declined': bilateralEs(
    'Reunión bilateral con {{country}} declinada',
    `La delegación de {{country}} ha declinado la reunión bilateral solicitada.

Asunto: {{title}}`,
  ),
  'bilateral.cancelled': bilateralEs(
    'Reunión bilateral con {{country}} cancelada',
    `La reunión bilateral con la delegación de {{country}} ha sido cancelada.

Asunto: {{title}}
Fecha: {{day}}
Hora: {{time}}
Sala: {{room}}

Se adjunta la cancelación para su calendario.`,
  ),
};

export const sideEventsEn: Record<SideEventKey, MailTemplate> = {
  'sideEvent.received': en(
    'Side event proposal received: {{title}}',
    `We have received your side event proposal “{{title}}” for the {{event}}.

You can follow and change it on its page until the call closes ({{deadline}}). The link is personal; please do not forward it.`,
  ),
  'sideEvent.accepted': en(
    'Side event accepted: {{title}}',
    `We are pleased to tell you that your side event “{{title}}” has been accepted into the programme of the {{event}}.

Date: {{day}}
Time: {{time}}
Room: {{room}}`,
  ),
  'sideEvent.waitlisted': en(
    'Side event on the waiting list: {{title}}',
    `Your proposal “{{title}}” is on the waiting list. If a slot frees up, we will offer it to you by email.`,
  ),
  'sideEvent.rejected': en(
    'Side event proposal not accepted: {{title}}',
    `We regret to tell you that your proposal “{{title}}” could not be accepted.

Reason: {{reason}}`,
  ),
  'sideEvent.merged': en(
    'Proposals merged into a joint side event: {{title}}',
    `Your proposal has been merged with another into a joint side event, “{{title}}”. Decisions on the joint proposal will reach you and the other proposers.`,
  ),
  'sideEvent.slotOffered': en(
    'A slot is free for your side event: {{title}}',
    `A slot has freed up for your proposal “{{title}}”, which was on the waiting list:

Date: {{day}}
Time: {{time}}
Room: {{room}}

If you wish, take it on your page.`,
  ),
  'bilateral.requested': bilateralEn(
    'Request for a bilateral meeting from {{country}}: {{event}}',
    `The delegation of {{country}} asks for a bilateral meeting with your delegation.

Subject: {{title}}
Level: {{level}}
Proposed times:
{{slots}}

Accept one of the times or decline the request on your page.`,
  ),
  'bilateral.booked': bilateralEn(
    'Bilateral meeting with {{country}}: {{day}}, {{time}}',
    `The bilateral meeting with the delegation of {{country}} is booked.

Subject: {{title}}
Date: {{day}}
Time: {{time}}
Room: {{room}}

The calendar entry is attached.`,
  ),
  'bilateral.moved': bilateralEn(
    'Bilateral meeting with {{country}} moved: {{day}}, {{time}}',
    `The bilateral meeting with the delegation of {{country}} has a new time.

Subject: {{title}}
Date: {{day}}
Time: {{time}}
Room: {{room}}

The updated calendar entry is attached.`,
  ),
  'bilateral.declined': bilateralEn(
    'Bilateral meeting with {{country}} declined',
    `The delegation of {{country}} has declined the bilateral meeting you asked for.

Subject: {{title}}`,
  ),
  'bilateral.cancelled': bilateralEn(
    'Bilateral meeting with {{country}} cancelled',
    `The bilateral meeting with the delegation of {{country}} has been cancelled.

Subject: {{title}}
Date: {{day}}
Time: {{time}}
Room: {{room}}

The cancellation for your calendar is attached.`,
  ),
};

export const sideEventsPt: Record<SideEventKey, MailTemplate> = {
  'sideEvent.received': pt(
    'Proposta de evento paralelo recebida: {{title}}',
    `Recebemos sua proposta de evento paralelo “{{title}}” para o {{event}}.

Você pode acompanhá-la e alterá-la na página dela até o encerramento da chamada ({{deadline}}). O link é pessoal; pedimos que não o encaminhe.`,
  ),
  'sideEvent.accepted': pt(
    'Evento paralelo aceito: {{title}}',
    `Temos o prazer de informar que seu evento paralelo “{{title}}” foi aceito no programa do {{event}}.

Data: {{day}}
Horário: {{time}}
Sala: {{room}}`,
  ),
  'sideEvent.waitlisted': pt(
    'Evento paralelo na lista de espera: {{title}}',
    `Sua proposta “{{title}}” está na lista de espera. Se um horário ficar livre, nós o ofereceremos por e-mail.`,
  ),
  'sideEvent.rejected': pt(
    'Proposta de evento paralelo não aceita: {{title}}',
    `Lamentamos informar que sua proposta “{{title}}” não pôde ser aceita.

Motivo: {{reason}}`,
  ),
  'sideEvent.merged': pt(
    'Propostas unidas em um evento paralelo conjunto: {{title}}',
    `Sua proposta foi unida a outra em um evento paralelo conjunto, “{{title}}”. As decisões sobre a proposta conjunta chegarão a você e aos demais proponentes.`,
  ),
  'sideEvent.slotOffered': pt(
    'Horário livre para seu evento paralelo: {{title}}',
    `Ficou livre um horário para sua proposta “{{title}}”, que estava na lista de espera:

Data: {{day}}
Horário: {{time}}
Sala: {{room}}

Se desejar, aceite-o na página da proposta.`,
  ),
  'bilateral.requested': bilateralPt(
    'Pedido de reunião bilateral de {{country}}: {{event}}',
    `A delegação de {{country}} pede uma reunião bilateral com sua delegação.

Assunto: {{title}}
Nível: {{level}}
Horários propostos:
{{slots}}

Aceite um dos horários ou recuse o pedido na página da delegação.`,
  ),
  'bilateral.booked': bilateralPt(
    'Reunião bilateral com {{country}}: {{day}}, {{time}}',
    `A reunião bilateral com a delegação de {{country}} está reservada.

Assunto: {{title}}
Data: {{day}}
Horário: {{time}}
Sala: {{room}}

A entrada de calendário vai em anexo.`,
  ),
  'bilateral.moved': bilateralPt(
    'Reunião bilateral com {{country}} alterada: {{day}}, {{time}}',
    `A reunião bilateral com a delegação de {{country}} tem um novo horário.

Assunto: {{title}}
Data: {{day}}
Horário: {{time}}
Sala: {{room}}

A entrada de calendário atualizada vai em anexo.`,
  ),
  'bilateral.declined': bilateralPt(
    'Reunião bilateral com {{country}} recusada',
    `A delegação de {{country}} recusou a reunião bilateral que vocês pediram.

Assunto: {{title}}`,
  ),
  'bilateral.cancelled': bilateralPt(
    'Reunião bilateral com {{country}} cancelada',
    `A reunião bilateral com a delegação de {{country}} foi cancelada.

Assunto: {{title}}
Data: {{day}}
Horário: {{time}}
Sala: {{room}}

O cancelamento para seu calendário vai em anexo.`,
  ),
};
