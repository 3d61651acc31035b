import type { Language } from '../../../shared/i18n/index.js';
import type { LetterKind } from './letter.model.js';

const COMMON_FIELDS = [
  'name',
  'organization',
  'country',
  'event',
  'dates',
  'venue',
  'organizers',
  'today',
  'code',
  'verifyUrl',
];

/** Fields a letterhead may use; visa letters alone add the passport fields. */
export const LETTER_PLACEHOLDERS: Record<LetterKind, readonly string[]> = {
  certificate: COMMON_FIELDS,
  visa: [...COMMON_FIELDS, 'nationality', 'passportNumber', 'dateOfBirth'],
};

/**
 * The texts an event starts with. Each field that may be missing (organization, country, venue,
 * passport data) sits in its own phrase between commas or brackets, which goes with the field
 * (`compose.ts`): a certificate never reads "(, Brasil)".
 */
export const DEFAULT_LETTERS: Record<LetterKind, Record<Language, string>> = {
  certificate: {
    es: 'CERTIFICADO DE ASISTENCIA\n\n{{organizers}} certifica que {{name}} ({{organization}}, {{country}}) asistió al {{event}}, celebrado del {{dates}}, en {{venue}}.\n\nSe extiende el presente certificado a solicitud de la persona interesada, el {{today}}.',
    pt: 'CERTIFICADO DE PARTICIPAÇÃO\n\n{{organizers}} certifica que {{name}} ({{organization}}, {{country}}) participou do {{event}}, realizado de {{dates}}, em {{venue}}.\n\nEmitido a pedido da pessoa interessada, em {{today}}.',
    en: 'CERTIFICATE OF ATTENDANCE\n\n{{organizers}} certifies that {{name}} ({{organization}}, {{country}}) attended the {{event}}, held on {{dates}}, at {{venue}}.\n\nIssued at the request of the person concerned, on {{today}}.',
  },
  visa: {
    es: 'A QUIEN CORRESPONDA\n\n{{organizers}} tiene el agrado de confirmar que {{name}}, de nacionalidad {{nationality}}, nacido/a el {{dateOfBirth}}, titular del pasaporte n.º {{passportNumber}}, ha sido invitado/a a participar en el {{event}}, que se celebrará del {{dates}}, en {{venue}}.\n\nAgradeceremos a las autoridades consulares las facilidades que puedan brindarle para la obtención del visado correspondiente.\n\n{{today}}',
    pt: 'A QUEM POSSA INTERESSAR\n\n{{organizers}} tem o prazer de confirmar que {{name}}, de nacionalidade {{nationality}}, nascido/a em {{dateOfBirth}}, titular do passaporte n.º {{passportNumber}}, foi convidado/a a participar do {{event}}, que será realizado de {{dates}}, em {{venue}}.\n\nAgradecemos às autoridades consulares as facilidades que possam conceder para a obtenção do visto correspondente.\n\n{{today}}',
    en: 'TO WHOM IT MAY CONCERN\n\n{{organizers}} is pleased to confirm that {{name}}, a national of {{nationality}}, born on {{dateOfBirth}}, holder of passport no. {{passportNumber}}, has been invited to take part in the {{event}}, to be held on {{dates}}, at {{venue}}.\n\nWe would be grateful for any assistance the consular authorities can provide in issuing the corresponding visa.\n\n{{today}}',
  },
};
