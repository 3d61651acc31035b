import type { MailTemplate } from '../templates.js';

type SpeakersKey = 'speakers.place';

export const speakersEs: Record<SpeakersKey, MailTemplate> = {
  'speakers.place': {
    subject: 'Su lugar en la lista de oradores: {{session}}',
    body: `{{greeting}}:

Usted figura en la lista de oradores de la sesión “{{session}}” del {{event}}.

Lugar en la lista: {{place}}
Hora aproximada de su intervención: {{time}}
Sala: {{room}}

El orden puede cambiar; le escribiremos de nuevo si su lugar cambia de forma apreciable. Lista de oradores: {{programmeUrl}}

Atentamente,
Los organizadores del {{event}}`,
  },
};

export const speakersPt: Record<SpeakersKey, MailTemplate> = {
  'speakers.place': {
    subject: 'Seu lugar na lista de oradores: {{session}}',
    body: `{{greeting}},

Seu nome consta da lista de oradores da sessão “{{session}}” do {{event}}.

Lugar na lista: {{place}}
Horário aproximado da sua intervenção: {{time}}
Sala: {{room}}

A ordem pode mudar; escreveremos novamente se seu lugar mudar de forma significativa. Lista de oradores: {{programmeUrl}}

Atenciosamente,
Os organizadores do {{event}}`,
  },
};

export const speakersEn: Record<SpeakersKey, MailTemplate> = {
  'speakers.place': {
    subject: 'Your place on the list of speakers: {{session}}',
    body: `{{greeting}},

You are on the list of speakers of the session “{{session}}” of the {{event}}.

Place on the list: {{place}}
Approximate time of your statement: {{time}}
Room: {{room}}

The order may change; we will write again if your place changes noticeably. List of speakers: {{programmeUrl}}

Yours sincerely,
The organizers of the {{event}}`,
  },
};
