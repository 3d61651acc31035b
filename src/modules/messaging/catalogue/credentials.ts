import type { MailTemplate } from '../templates.js';

type CredentialsKey = 'credentials.received';

export const credentialsEs: Record<CredentialsKey, MailTemplate> = {
  'credentials.received': {
    subject: 'Credenciales recibidas: {{country}}',
    body: `El punto focal de {{country}} subió la carta de credenciales de su delegación al {{event}}: {{title}}.

El estado de sus credenciales no cambia hasta que el equipo la revise y registre lo recibido: {{adminUrl}}`,
  },
};

export const credentialsPt: Record<CredentialsKey, MailTemplate> = {
  'credentials.received': {
    subject: 'Credenciais recebidas: {{country}}',
    body: `O ponto focal de {{country}} enviou a carta de credenciais da sua delegação ao {{event}}: {{title}}.

A situação das credenciais não muda até que a equipe a examine e registre o que foi recebido: {{adminUrl}}`,
  },
};

export const credentialsEn: Record<CredentialsKey, MailTemplate> = {
  'credentials.received': {
    subject: 'Credentials received: {{country}}',
    body: `The focal point of {{country}} uploaded their delegation’s letter of credentials for the {{event}}: {{title}}.

The status of the credentials does not change until the team checks the letter and records what was received: {{adminUrl}}`,
  },
};
