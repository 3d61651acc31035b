import { expect } from 'chai';
import { renderMail, unknownPlaceholders } from '../../src/modules/messaging/templates.js';

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
    expect(renderMail({ subject: 'x', body: '[{{constructor}}][{{__proto__}}]' }, {}).text).to.equal(
      '[][{{__proto__}}]',
    );
  });
});
