import { expect } from 'chai';
import {
  TEMPLATE_KEYS,
  defaultTemplate,
  type MailFields,
  type Placeholder,
  type TemplateKey,
} from '../../src/modules/messaging/catalogue/index.js';
import { composeMail } from '../../src/modules/messaging/template.service.js';
import { renderMail, unknownPlaceholders } from '../../src/modules/messaging/templates.js';
import { LANGUAGES, type Language } from '../../src/shared/i18n/index.js';

describe('messaging: logic-less mail templates', () => {
  const template = {
    subject: '[Confirmación requerida] {{sessionTitle}}',
    body: 'Estimada {{honorific}} {{name}}:\n\nLe invitamos a «{{sessionTitle}}», {{when}}.\n\nConfirme aquí: {{confirmUrl}}',
  };

  it('fills the placeholders in subject, text and HTML', () => {
    const mail = renderMail(template, {
      honorific: 'Dra.',
      name: 'Rosa Quispe',
      sessionTitle: 'Migración y desarrollo',
      when: 'jueves 10 de abril de 2008, 10:30–12:30 (GMT-5)',
      confirmUrl: 'https://foro.example/i/abc',
    });
    expect(mail.subject).to.equal('[Confirmación requerida] Migración y desarrollo');
    expect(mail.text).to.contain('Estimada Dra. Rosa Quispe:');
    expect(mail.html).to.contain('<a href="https://foro.example/i/abc">https://foro.example/i/abc</a>');
  });

  it('lets nothing in a value inject headers, markup or other placeholders', () => {
    const mail = renderMail(template, {
      honorific: '',
      name: '<script>alert(1)</script> {{confirmUrl}}',
      sessionTitle: 'Panel\r\nBcc: spy@evil.example',
      when: '"><img src=x onerror=alert(1)>',
      confirmUrl: 'https://foro.example/i/abc',
    });
    expect(mail.subject).to.equal('[Confirmación requerida] Panel Bcc: spy@evil.example');
    expect(mail.subject).to.not.match(/[\r\n]/);
    expect(mail.html).to.not.contain('<script>');
    expect(mail.html).to.not.contain('<img');
    expect(mail.html).to.contain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.text).to.contain('<script>alert(1)</script> {{confirmUrl}}');
    expect(
      mail.text.match(/https:\/\/foro\.example\/i\/abc/g),
      'a placeholder inside a value stays text',
    ).to.have.length(1);
  });

  it('names placeholders outside the whitelist', () => {
    expect(
      unknownPlaceholders(template, ['honorific', 'name', 'sessionTitle', 'when', 'confirmUrl']),
    ).to.deep.equal([]);
    expect(
      unknownPlaceholders({ subject: '{{ password }}', body: '{{name}} {{constructor}}' }, ['name']),
    ).to.deep.equal(['password', 'constructor']);
    expect(
      renderMail({ subject: 'x', body: '{{name}} [{{constructor}}][{{__proto__}}]' }, { name: 'N' }).text,
    ).to.equal('N [][{{__proto__}}]');
  });
});

describe('messaging: every default mail, in every language, reads well with what it always has', () => {
  const invitation: Placeholder[] = [
    'name',
    'event',
    'session',
    'role',
    'day',
    'time',
    'room',
    'deadline',
    'responseUrl',
    'confirmUrl',
    'declineUrl',
    'programmeUrl',
    'adminUrl',
  ];
  const registration: Placeholder[] = ['name', 'event', 'category', 'manageUrl'];
  const sideEvent: Placeholder[] = ['name', 'event', 'title', 'manageUrl'];
  const bilateral: Placeholder[] = ['name', 'event', 'country', 'title', 'manageUrl'];
  const outcome: Placeholder[] = ['name', 'event', 'title', 'version', 'manageUrl'];
  /**
   * The fields the code that writes each mail always gives (mail-context.ts, registration.mail.ts,
   * delegation.service.ts, change-notices.ts, announcement.service.ts); every other field may be
   * missing: no honorific, nobody else on the panel, no venue, no message, no logistics, no reason.
   */
  const ALWAYS_GIVEN: Record<TemplateKey, Placeholder[]> = {
    'invitation.chair': invitation,
    'invitation.moderator': invitation,
    'invitation.speaker': invitation,
    'invitation.commentator': invitation,
    'invitation.rapporteur': invitation,
    reminder: invitation,
    confirmation: invitation,
    decline: invitation,
    'team.declined': invitation,
    change: ['name', 'event', 'changes', 'programmeUrl'],
    announcement: ['name', 'event', 'title', 'message', 'programmeUrl'],
    'registration.received': registration,
    'registration.confirmed': registration,
    'registration.waitlisted': registration,
    'registration.promoted': registration,
    'registration.rejected': registration,
    'registration.cancelled': registration,
    'registration.link': registration,
    'registration.nomination': ['name', 'event', 'country', 'quota', 'deadline', 'manageUrl'],
    'registration.nominee': [...registration, 'country', 'role', 'status'],
    'registration.nominationSent': ['name', 'event', 'country', 'quota', 'members', 'manageUrl'],
    'sideEvent.received': ['name', 'event', 'title', 'deadline', 'manageUrl'],
    'sideEvent.accepted': [...sideEvent, 'day', 'time', 'room'],
    'sideEvent.waitlisted': sideEvent,
    'sideEvent.rejected': sideEvent,
    'sideEvent.merged': sideEvent,
    'sideEvent.slotOffered': [...sideEvent, 'day', 'time', 'room'],
    'bilateral.requested': [...bilateral, 'level', 'slots'],
    'bilateral.booked': [...bilateral, 'day', 'time', 'room'],
    'bilateral.moved': [...bilateral, 'day', 'time', 'room'],
    'bilateral.declined': bilateral,
    'bilateral.cancelled': [...bilateral, 'day', 'time', 'room'],
    'speakers.place': ['name', 'event', 'session', 'place', 'time', 'programmeUrl'],
    'credentials.received': ['name', 'event', 'country', 'title', 'adminUrl'],
    'outcome.roundOpened': [...outcome, 'deadline'],
    'outcome.revisionIssued': outcome,
    'outcome.silenceStarted': [...outcome, 'deadline'],
    'outcome.silenceBroken': [...outcome, 'country', 'reason'],
    'outcome.adopted': outcome,
  };
  const SAMPLE: Required<MailFields> = {
    greeting: '',
    honorific: 'Dra.',
    name: 'Rosa Quispe',
    event: 'Foro Iberoamericano sobre Migración y Desarrollo',
    session: 'Migración y desarrollo',
    role: 'ponente',
    day: 'jueves, 10 de abril de 2008',
    time: '09:00–10:30 America/Guayaquil (GMT-5)',
    room: 'Salón Plenario',
    place: '4',
    venue: 'Centro de Convenciones, Cuenca, Ecuador',
    panel: 'Alicia Bárcena (presidente/a)',
    deadline: '20 de marzo de 2008',
    responseUrl: 'https://foro.example/invitations/abc',
    confirmUrl: 'https://foro.example/invitations/abc?answer=confirm',
    declineUrl: 'https://foro.example/invitations/abc?answer=decline',
    programmeUrl: 'https://foro.example/events/cuenca-2008/programme',
    changes: '• «Migración y desarrollo»: nuevo horario o sala',
    title: 'Cambio de sede',
    message: 'Llego el día anterior.',
    logistics: 'Fecha de llegada: 9 de abril de 2008\nAlimentación (dieta, alergias): sin gluten',
    adminUrl: 'https://foro.example/admin/events/1/invitations/2',
    category: 'Academia',
    reason: 'Cupo completo',
    manageUrl: 'https://foro.example/registrations/xyz',
    country: 'Ecuador',
    quota: '5',
    status: 'Confirmada',
    members: '• Rosa Quispe (jefa de delegación)',
    officialNote: 'nota.pdf',
    level: 'Ministerial',
    slots: '- Sala Azuay, jueves, 10 de abril de 2008, 13:00–13:30 (GMT-5)',
    version: 'Rev.1',
  };
  const only = (names: Placeholder[]): MailFields =>
    Object.fromEntries(names.map((name) => [name, SAMPLE[name]]));

  /** What a blank field leaves behind when a template does not cope with it. */
  const LEFTOVERS: [RegExp, string][] = [
    [/\{\{|\}\}/, 'a placeholder left as written'],
    [/:[ \t]+$/m, '": " with nothing after it'],
    [/\bde :|\s[:;,.)]/, 'a blank before punctuation ("de :")'],
    [/ {2}/, 'a double space'],
    [/\(\s*\)|«\s*»|“\s*”/, 'empty brackets or quotes'],
    [/\n{3}/, 'more than one blank line'],
  ];

  const mails = TEMPLATE_KEYS.flatMap((key) => LANGUAGES.map((language) => ({ key, language })));

  for (const { key, language } of mails) {
    it(`${key} (${language}): no empty placeholder when every optional field is missing`, () => {
      const mail = composeMail(key, language, defaultTemplate(key, language), only(ALWAYS_GIVEN[key]));
      for (const [pattern, what] of LEFTOVERS) {
        expect(mail.subject, `${what} in the subject`).not.to.match(pattern);
        expect(mail.text, `${what} in:\n${mail.text}`).not.to.match(pattern);
      }
    });
  }

  it('greets from the honorific in each language, and neutrally without one (never "Estimado/a Dra.")', () => {
    const greeting = (language: Language, honorific: string | undefined) =>
      composeMail('decline', language, defaultTemplate('decline', language), {
        ...only(ALWAYS_GIVEN.decline),
        ...(honorific !== undefined && { honorific }),
      }).text.split('\n')[0];
    expect(greeting('es', 'Dra.')).to.equal('Estimada Dra. Rosa Quispe:');
    expect(greeting('pt', 'Dra.')).to.equal('Prezada Dra. Rosa Quispe,');
    expect(greeting('en', 'Dra.')).to.equal('Dear Dr Rosa Quispe,');
    expect(greeting('es', 'Sr.')).to.equal('Estimado Sr. Rosa Quispe:');
    expect(greeting('en', 'Sra.')).to.equal('Dear Ms Rosa Quispe,');
    expect(greeting('es', 'Excma.')).to.equal('Excelentísima Sra. Rosa Quispe:');
    expect(greeting('pt', 'Excmo.')).to.equal('Excelentíssimo Senhor Rosa Quispe,');
    expect(greeting('en', 'Excmo.')).to.equal('Your Excellency,');
    expect(greeting('es', undefined)).to.equal('Saludos cordiales, Rosa Quispe:');
    expect(greeting('pt', undefined)).to.equal('Saudações, Rosa Quispe,');
    expect(greeting('en', undefined)).to.equal('Dear Rosa Quispe,');
    expect(greeting('es', 'Emb.'), 'an honorific that says nothing of gender').to.equal(
      'Saludos cordiales, Emb. Rosa Quispe:',
    );
    expect(greeting('en', 'Emb.')).to.equal('Dear Ambassador Rosa Quispe,');
  });

  it('starts every mail to a person with the greeting, in every language', () => {
    for (const { key, language } of mails) {
      // Notices to the team are not letters to a person.
      if (key === 'team.declined' || key === 'credentials.received') continue;
      const mail = composeMail(key, language, defaultTemplate(key, language), {
        ...only(ALWAYS_GIVEN[key]),
        honorific: 'Dra.',
      });
      const first = mail.text.split('\n')[0]!;
      expect(first, `${key} (${language})`).to.match(
        /^(Estimada Dra\.|Prezada Dra\.|Dear Dr) Rosa Quispe[:,]$/,
      );
      expect(mail.text, `${key} (${language})`).not.to.match(/\/[ao]\b.*Dra\./);
    }
  });

  it('keeps every optional line when it is given: panel, venue, message, logistics, reason', () => {
    const full = (key: TemplateKey) => composeMail(key, 'es', defaultTemplate(key, 'es'), SAMPLE).text;
    expect(full('invitation.speaker')).to.contain('Panel: Alicia Bárcena').and.contain('Lugar: Centro');
    expect(full('confirmation'))
      .to.contain('Su mensaje: Llego el día anterior.')
      .and.contain('Fecha de llegada: 9 de abril de 2008\nAlimentación (dieta, alergias): sin gluten');
    expect(full('registration.rejected')).to.contain('Motivo: Cupo completo');
    const bare = composeMail('confirmation', 'es', defaultTemplate('confirmation', 'es'), {
      ...only(ALWAYS_GIVEN.confirmation),
    }).text;
    expect(bare).not.to.contain('Su mensaje').and.not.to.contain('Lugar:');
  });

  it('leaves out a line whose fields are all empty, and keeps lines without fields', () => {
    const mail = renderMail(
      { subject: 's', body: 'A\n\nPanel: {{panel}}\nSala: {{room}}\n\n\nB' },
      { room: 'X' },
    );
    expect(mail.text).to.equal('A\n\nSala: X\n\nB');
  });
});
