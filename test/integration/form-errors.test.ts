import { expect } from 'chai';
import { NationalContact } from '../../src/modules/contacts/index.js';
import { Message } from '../../src/modules/messaging/index.js';
import { createPublishedEvent } from '../factories/events.js';
import { registrationForm } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';
import { expectProblems, tagWithId } from '../support/form-errors.js';
import { browserAgent, csrfFor, csrfTokenIn, signedInAs } from '../support/http.js';

const HEADINGS = { es: 'Hay un problema', pt: 'Há um problema', en: 'There is a problem' };

describe('forms: an error summary that links to each field, and a message per field that says what to do', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url, { env: { REGISTRATION_RATE_LIMIT_PER_ADDRESS: '1000' } });

  async function sendRegistration(
    slug: string,
    fields: Record<string, unknown>,
    lang: keyof typeof HEADINGS,
  ) {
    const agent = browserAgent(foro.url);
    const csrf = await csrfFor(agent, `/events/${slug}/register?lang=${lang}`);
    return agent
      .post(`/events/${slug}/register?lang=${lang}`)
      .type('form')
      .send({ _csrf: csrf, ...fields });
  }

  it('lists every mistake on the registration form, phrased for the field and the kind of mistake, in es, pt and en', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    const mistakes = registrationForm({
      givenName: '',
      email: 'not-an-email',
      country: '',
      sector: 'astrology',
      familyName: 'x'.repeat(121),
      privacyConsent: undefined,
    });
    const expected = {
      es: {
        givenName: 'Escriba su nombre.',
        familyName: 'Acorte sus apellidos a 120 caracteres como máximo.',
        email: 'Escriba su correo electrónico con el formato nombre@ejemplo.org.',
        country: 'Elija su país.',
        sector: 'Elija su sector entre las opciones de la lista.',
        privacyConsent: 'Debe aceptar que sus datos se usen para organizar el foro para inscribirse.',
      },
      pt: {
        givenName: 'Informe seu nome.',
        familyName: 'Encurte seu sobrenome para no máximo 120 caracteres.',
        email: 'Informe seu e-mail no formato nome@exemplo.org.',
        country: 'Escolha seu país.',
        sector: 'Escolha seu setor entre as opções da lista.',
        privacyConsent:
          'Você precisa aceitar que seus dados sejam usados para organizar o fórum para se inscrever.',
      },
      en: {
        givenName: 'Enter your given name.',
        familyName: 'Shorten your family name to 120 characters or fewer.',
        email: 'Enter your email address in the format name@example.org.',
        country: 'Choose your country.',
        sector: 'Choose your sector from the list.',
        privacyConsent: 'You must agree that your data is used to organize the forum to register.',
      },
    };
    for (const lang of ['es', 'pt', 'en'] as const) {
      const page = await sendRegistration(event.slug, mistakes, lang);
      expect(page.status).to.equal(422);
      expect(expectProblems(page.text, HEADINGS[lang]), lang).to.deep.equal(expected[lang]);
      expect(page.text, 'the old title with nothing after it').to.not.match(
        /Revise estos campos|check these fields/,
      );
    }
  });

  it('marks optional fields "(opcional)" and required ones not at all, on every kind of field', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    const page = await browserAgent(foro.url).get(`/events/${event.slug}/register?lang=es`);
    const label = (id: string) =>
      new RegExp(`<label for="${id}">([\\s\\S]*?)</label>`).exec(page.text)?.[1] ?? '';
    for (const optional of [
      'honorific',
      'organization',
      'position',
      'gender',
      'nationality',
      'passportNumber',
      'diet',
    ])
      expect(label(optional), optional).to.include('(opcional)');
    for (const required of ['givenName', 'familyName', 'email', 'country', 'sector', 'category'])
      expect(label(required), required).to.not.include('(opcional)');
    expect(tagWithId(page.text, 'country')).to.include('required');
  });

  it("lists the mistakes of the focal point's delegation form", async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    const [contact] = await NationalContact.create([
      {
        country: 'PE',
        institution: 'foreign_affairs',
        type: 'focal_point',
        name: 'Rosa Quispe',
        email: 'rosa@rree.pe.example',
        language: 'es',
      },
    ]);
    const page = await organizer.agent.get(`/admin/events/${event.id}/delegations`);
    await organizer.agent
      .post(`/admin/events/${event.id}/delegations`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), country: 'PE', contactId: contact!.id, quota: '3' });
    const mail = await Message.findOne({ template: 'registration.nomination' }).lean();
    const token = /\/nominations\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    const focal = browserAgent(foro.url);
    const csrf = csrfTokenIn((await focal.get(`/nominations/${token}?lang=pt`)).text);
    const sent = await focal
      .post(`/nominations/${token}/members?lang=pt`)
      .type('form')
      .send({ _csrf: csrf, givenName: '', familyName: 'Quispe', email: 'rosa@' });
    expect(sent.status).to.equal(422);
    expect(expectProblems(sent.text, HEADINGS.pt)).to.deep.equal({
      givenName: 'Informe o nome.',
      email: 'Informe o e-mail no formato nome@exemplo.org.',
    });
  });

  it('lists the mistakes of the person, contact and event forms', async () => {
    const { agent } = await signedInAs(foro.url, 'organizer');
    const post = async (path: string, fields: Record<string, unknown>) => {
      const csrf = csrfTokenIn((await agent.get(`${path}/new?lang=en`)).text);
      return agent
        .post(`${path}?lang=en`)
        .type('form')
        .send({ _csrf: csrf, ...fields });
    };

    const person = await post('/admin/people', {
      givenName: '',
      familyName: 'Bárcena',
      email: 'alicia@',
      country: 'XX',
      biography_es: 'x'.repeat(5001),
    });
    expect(person.status).to.equal(422);
    expect(expectProblems(person.text, HEADINGS.en)).to.deep.equal({
      givenName: 'Enter the given name.',
      email: 'Enter the email address in the format name@example.org.',
      country: 'Choose the country from the list.',
      biography_es: 'Shorten the biography in Spanish to 5000 characters or fewer.',
    });

    const contact = await post('/admin/contacts', {
      country: '',
      type: 'focal_point',
      institution: 'foreign_affairs',
      name: '',
      phone: 'call me',
    });
    expect(contact.status).to.equal(422);
    expect(expectProblems(contact.text, HEADINGS.en)).to.deep.equal({
      country: 'Choose the country.',
      name: 'Enter the name.',
      phone: 'Enter the phone number using only digits, spaces, hyphens and a leading +.',
    });

    const event = await post('/admin/events', {
      slug: 'Not A Slug',
      title_es: '',
      startDate: '2008-04-11',
      endDate: '2008-04-10',
      languages: [],
    });
    expect(event.status).to.equal(422);
    const problems = expectProblems(event.text, HEADINGS.en);
    expect(problems).to.include({ title: 'Enter the title in at least one language.' });
    expect(Object.keys(problems)).to.include.members(['slug', 'title', 'endDate']);
  });
});
