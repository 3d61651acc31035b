import type { MailTemplate } from '../templates.js';
import type { RegistrationKey } from './index.js';

const es = (subject: string, middle: string): MailTemplate => ({
  subject,
  body: `{{greeting}}:

${middle}

Su página personal (estado, necesidades, viaje, cancelación): {{manageUrl}}

Atentamente,
Los organizadores del {{event}}`,
});
const en = (subject: string, middle: string): MailTemplate => ({
  subject,
  body: `{{greeting}},

${middle}

Your personal page (status, needs, travel, cancellation): {{manageUrl}}

Yours sincerely,
The organizers of the {{event}}`,
});
const pt = (subject: string, middle: string): MailTemplate => ({
  subject,
  body: `{{greeting}},

${middle}

Sua página pessoal (situação, necessidades, viagem, cancelamento): {{manageUrl}}

Atenciosamente,
Os organizadores do {{event}}`,
});

type NominationKey = 'registration.nomination' | 'registration.nominee' | 'registration.nominationSent';

const nominationEs: Record<NominationKey, MailTemplate> = {
  'registration.nomination': {
    subject: 'Designación de la delegación de {{country}}: {{event}}',
    body: `{{greeting}}:

Como punto focal de {{country}}, le invitamos a designar la delegación de su país al {{event}}: hasta {{quota}} personas, con su jefe o jefa de delegación, y la nota oficial (PDF).

Su enlace personal para la designación: {{manageUrl}}

Le rogamos completarla antes del {{deadline}}.

Atentamente,
Los organizadores del {{event}}`,
  },
  'registration.nominee': es(
    'Su designación en la delegación de {{country}}: {{event}}',
    `El punto focal de su país le ha designado en la delegación al {{event}}.

País: {{country}}
Función en la delegación: {{role}}
Estado de su inscripción: {{status}}`,
  ),
  'registration.nominationSent': {
    subject: 'Designación enviada: delegación de {{country}} al {{event}}',
    body: `{{greeting}}:

El punto focal de {{country}} ha enviado la designación de la delegación al {{event}} (cupo: {{quota}}):

{{members}}

Nota oficial: {{officialNote}}

La designación completa: {{manageUrl}}

Atentamente,
Los organizadores del {{event}}`,
  },
};

const nominationEn: Record<NominationKey, MailTemplate> = {
  'registration.nomination': {
    subject: 'Nominating the delegation of {{country}}: {{event}}',
    body: `{{greeting}},

As focal point of {{country}}, you are invited to nominate your country's delegation to the {{event}}: up to {{quota}} people, with the head of delegation, and the official note (PDF).

Your personal link for the nomination: {{manageUrl}}

Please complete it by {{deadline}}.

Yours sincerely,
The organizers of the {{event}}`,
  },
  'registration.nominee': en(
    'Your nomination to the delegation of {{country}}: {{event}}',
    `The focal point of your country has nominated you to its delegation to the {{event}}.

Country: {{country}}
Role in the delegation: {{role}}
Status of your registration: {{status}}`,
  ),
  'registration.nominationSent': {
    subject: 'Nomination sent: delegation of {{country}} to the {{event}}',
    body: `{{greeting}},

The focal point of {{country}} has sent the nomination of the delegation to the {{event}} (quota: {{quota}}):

{{members}}

Official note: {{officialNote}}

The whole nomination: {{manageUrl}}

Yours sincerely,
The organizers of the {{event}}`,
  },
};

const nominationPt: Record<NominationKey, MailTemplate> = {
  'registration.nomination': {
    subject: 'Designação da delegação ({{country}}): {{event}}',
    body: `{{greeting}},

Como ponto focal do seu país ({{country}}), convidamos você a designar a delegação ao {{event}}: até {{quota}} pessoas, com o chefe ou a chefe da delegação, e a nota oficial (PDF).

Seu link pessoal para a designação: {{manageUrl}}

Pedimos que a conclua até {{deadline}}.

Atenciosamente,
Os organizadores do {{event}}`,
  },
  'registration.nominee': pt(
    'Sua designação na delegação ({{country}}): {{event}}',
    `O ponto focal do seu país designou você para a delegação ao {{event}}.

País: {{country}}
Função na delegação: {{role}}
Situação da sua inscrição: {{status}}`,
  ),
  'registration.nominationSent': {
    subject: 'Designação enviada: delegação ({{country}}) ao {{event}}',
    body: `{{greeting}},

O ponto focal enviou a designação da delegação ({{country}}) ao {{event}} (cota: {{quota}}):

{{members}}

Nota oficial: {{officialNote}}

A designação completa: {{manageUrl}}

Atenciosamente,
Os organizadores do {{event}}`,
  },
};

export const registrationEs: Record<RegistrationKey, MailTemplate> = {
  ...nominationEs,
  'registration.received': es(
    'Inscripción recibida: {{event}}',
    'Hemos recibido su inscripción ({{category}}). Los organizadores la revisarán y le escribiremos con la decisión.',
  ),
  'registration.confirmed': es(
    'Inscripción confirmada: {{event}}',
    'Su inscripción ({{category}}) está confirmada; le esperamos.\nLugar: {{venue}}',
  ),
  'registration.waitlisted': es(
    'En lista de espera: {{event}}',
    'Las plazas de su categoría ({{category}}) están completas. Su inscripción queda en lista de espera, por orden de llegada; le escribiremos en cuanto se libere una plaza.',
  ),
  'registration.promoted': es(
    'Se liberó una plaza: inscripción confirmada en {{event}}',
    'Se liberó una plaza y su inscripción ({{category}}) pasó de la lista de espera a confirmada.',
  ),
  'registration.rejected': es(
    'Sobre su inscripción: {{event}}',
    'Lamentamos informarle que no podemos confirmar su inscripción ({{category}}).\nMotivo: {{reason}}',
  ),
  'registration.cancelled': es(
    'Inscripción cancelada: {{event}}',
    'Su inscripción ({{category}}) ha sido cancelada. Puede volver a inscribirse mientras la inscripción esté abierta.\nMotivo: {{reason}}',
  ),
  'registration.link': es(
    'Su inscripción en {{event}}',
    'Alguien (probablemente usted) intentó inscribirse de nuevo con esta dirección. Ya tiene una inscripción ({{category}}); este es su enlace personal.',
  ),
};

export const registrationEn: Record<RegistrationKey, MailTemplate> = {
  ...nominationEn,
  'registration.received': en(
    'Registration received: {{event}}',
    'We have received your registration ({{category}}). The organizers will review it and write to you with their decision.',
  ),
  'registration.confirmed': en(
    'Registration confirmed: {{event}}',
    'Your registration ({{category}}) is confirmed; we look forward to seeing you.\nVenue: {{venue}}',
  ),
  'registration.waitlisted': en(
    'On the waiting list: {{event}}',
    'The places in your category ({{category}}) are taken. Your registration is on the waiting list, in order of arrival; we will write as soon as a place frees up.',
  ),
  'registration.promoted': en(
    'A place freed up: registration confirmed for {{event}}',
    'A place freed up and your registration ({{category}}) moved from the waiting list to confirmed.',
  ),
  'registration.rejected': en(
    'About your registration: {{event}}',
    'We regret that we cannot confirm your registration ({{category}}).\nReason: {{reason}}',
  ),
  'registration.cancelled': en(
    'Registration cancelled: {{event}}',
    'Your registration ({{category}}) has been cancelled. You may register again while registration is open.\nReason: {{reason}}',
  ),
  'registration.link': en(
    'Your registration for {{event}}',
    'Someone (probably you) tried to register again with this address. You already have a registration ({{category}}); here is your personal link.',
  ),
};

export const registrationPt: Record<RegistrationKey, MailTemplate> = {
  ...nominationPt,
  'registration.received': pt(
    'Inscrição recebida: {{event}}',
    'Recebemos sua inscrição ({{category}}). Os organizadores a examinarão e escreveremos com a decisão.',
  ),
  'registration.confirmed': pt(
    'Inscrição confirmada: {{event}}',
    'Sua inscrição ({{category}}) está confirmada; esperamos por você.\nLocal: {{venue}}',
  ),
  'registration.waitlisted': pt(
    'Na lista de espera: {{event}}',
    'As vagas da sua categoria ({{category}}) estão preenchidas. Sua inscrição está na lista de espera, por ordem de chegada; escreveremos assim que uma vaga for liberada.',
  ),
  'registration.promoted': pt(
    'Uma vaga foi liberada: inscrição confirmada no {{event}}',
    'Uma vaga foi liberada e sua inscrição ({{category}}) passou da lista de espera para confirmada.',
  ),
  'registration.rejected': pt(
    'Sobre sua inscrição: {{event}}',
    'Lamentamos informar que não podemos confirmar sua inscrição ({{category}}).\nMotivo: {{reason}}',
  ),
  'registration.cancelled': pt(
    'Inscrição cancelada: {{event}}',
    'Sua inscrição ({{category}}) foi cancelada. Pode se inscrever novamente enquanto as inscrições estiverem abertas.\nMotivo: {{reason}}',
  ),
  'registration.link': pt(
    'Sua inscrição no {{event}}',
    'Alguém (provavelmente você) tentou se inscrever novamente com este endereço. Você já tem uma inscrição ({{category}}); este é seu link pessoal.',
  ),
};
