import type { MailTemplate } from '../templates.js';

export type OutcomeKey =
  | 'outcome.roundOpened'
  | 'outcome.revisionIssued'
  | 'outcome.silenceStarted'
  | 'outcome.silenceBroken'
  | 'outcome.adopted';

/**
 * The steps of a negotiated text, told to the focal points and the team alike: `manageUrl` is
 * the text's page as each reader opens it (a focal point's through their nomination link).
 */
const es = (subject: string, middle: string): MailTemplate => ({
  subject,
  body: `{{greeting}}:

${middle}

Página del texto: {{manageUrl}}

Atentamente,
Los organizadores del {{event}}`,
});
const pt = (subject: string, middle: string): MailTemplate => ({
  subject,
  body: `{{greeting}},

${middle}

Página do texto: {{manageUrl}}

Atenciosamente,
Os organizadores do {{event}}`,
});
const en = (subject: string, middle: string): MailTemplate => ({
  subject,
  body: `{{greeting}},

${middle}

The text’s page: {{manageUrl}}

Yours sincerely,
The organizers of the {{event}}`,
});

export const outcomeEs: Record<OutcomeKey, MailTemplate> = {
  'outcome.roundOpened': es(
    'Ronda de enmiendas abierta: {{title}}',
    `Se ha abierto una ronda de enmiendas sobre {{version}} de «{{title}}» hasta el {{deadline}}.

Hasta esa hora, las delegaciones pueden proponer enmiendas párrafo por párrafo y apoyar u objetar las de las demás en la página del texto.`,
  ),
  'outcome.revisionIssued': es(
    '{{version}} publicada: {{title}}',
    `Se ha publicado {{version}} de «{{title}}», que recoge las decisiones sobre las propuestas de la ronda anterior. La versión anterior queda cerrada.`,
  ),
  'outcome.silenceStarted': es(
    'Procedimiento de silencio: {{title}}',
    `Se somete a procedimiento de silencio {{version}} de «{{title}}» hasta el {{deadline}}.

Si ninguna delegación rompe el silencio antes de esa hora, el texto quedará adoptado. Una delegación que desee romperlo puede hacerlo una vez, indicando el motivo, en la página del texto.`,
  ),
  'outcome.silenceBroken': es(
    'Silencio roto: {{title}}',
    `La delegación de {{country}} ha roto el silencio sobre {{version}} de «{{title}}». El procedimiento de silencio queda interrumpido y el texto vuelve a negociación.

Motivo indicado: {{reason}}`,
  ),
  'outcome.adopted': es(
    'Texto adoptado: {{title}}',
    `Nadie rompió el silencio: el texto «{{title}}» ({{version}}) ha quedado adoptado. El texto adoptado se publica como documento oficial del evento en cada uno de sus idiomas.`,
  ),
};

export const outcomePt: Record<OutcomeKey, MailTemplate> = {
  'outcome.roundOpened': pt(
    'Rodada de emendas aberta: {{title}}',
    `Foi aberta uma rodada de emendas sobre {{version}} de “{{title}}” até {{deadline}}.

Até esse horário, as delegações podem propor emendas parágrafo por parágrafo e apoiar ou objetar as das demais na página do texto.`,
  ),
  'outcome.revisionIssued': pt(
    '{{version}} publicada: {{title}}',
    `Foi publicada a {{version}} de “{{title}}”, que reúne as decisões sobre as propostas da rodada anterior. A versão anterior fica encerrada.`,
  ),
  'outcome.silenceStarted': pt(
    'Procedimento de silêncio: {{title}}',
    `O procedimento de silêncio sobre {{version}} de “{{title}}” vai até {{deadline}}.

Se nenhuma delegação romper o silêncio antes desse horário, o texto será adotado. Uma delegação que deseje rompê-lo pode fazê-lo uma vez, indicando o motivo, na página do texto.`,
  ),
  'outcome.silenceBroken': pt(
    'Silêncio rompido: {{title}}',
    `A delegação de {{country}} rompeu o silêncio sobre {{version}} de “{{title}}”. O procedimento de silêncio fica interrompido e o texto volta à negociação.

Motivo indicado: {{reason}}`,
  ),
  'outcome.adopted': pt(
    'Texto adotado: {{title}}',
    `Ninguém rompeu o silêncio: o texto “{{title}}” ({{version}}) foi adotado. O texto adotado é publicado como documento oficial do evento em cada um de seus idiomas.`,
  ),
};

export const outcomeEn: Record<OutcomeKey, MailTemplate> = {
  'outcome.roundOpened': en(
    'Round of amendments open: {{title}}',
    `A round of amendments is open on {{version}} of “{{title}}” until {{deadline}}.

Until then, delegations may propose amendments paragraph by paragraph and support or object to those of others on the text’s page.`,
  ),
  'outcome.revisionIssued': en(
    '{{version}} issued: {{title}}',
    `{{version}} of “{{title}}” has been issued, reflecting the decisions on the proposals of the previous round. The previous version is now closed.`,
  ),
  'outcome.silenceStarted': en(
    'Silence procedure: {{title}}',
    `{{version}} of “{{title}}” is placed under silence procedure until {{deadline}}.

If no delegation breaks silence by then, the text will be adopted. A delegation wishing to break silence may do so once, stating its reason, on the text’s page.`,
  ),
  'outcome.silenceBroken': en(
    'Silence broken: {{title}}',
    `The delegation of {{country}} has broken silence on {{version}} of “{{title}}”. The silence procedure has stopped and the text returns to negotiation.

Reason given: {{reason}}`,
  ),
  'outcome.adopted': en(
    'Text adopted: {{title}}',
    `Silence was not broken: “{{title}}” ({{version}}) is adopted. The adopted text is published as an official document of the event in each of its languages.`,
  ),
};
