import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { sendInvitations, mailSettingsOf } from '../../src/modules/invitations/index.js';
import { updatePerson } from '../../src/modules/people/index.js';
import { publishProgramme } from '../../src/modules/published-programme/index.js';
import { createPanel } from '../factories/invitations.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { signInWithBrowser, useBrowserPage } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';
import { deliverOutbox, type CapturedMail, useTestSmtp } from '../support/smtp.js';

/** Where each text first appears on the page (-1: absent), to check what comes before what. */
async function positions(page: Page, texts: string[]): Promise<number[]> {
  const body = await page.locator('main').innerText();
  return texts.map((text) => body.indexOf(text));
}

const linkIn = (mail: CapturedMail, answer: 'confirm' | 'decline') => {
  const url = new RegExp(`https?://\\S+answer=${answer}`).exec(mail.parsed.text ?? '')![0];
  return `${new URL(url).pathname}${new URL(url).search}`;
};

describe('browser: a speaker answers an invitation, and the team reads the answer', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url, { env: { OUTBOX_WORKER: 'off' } });
  const browser = useBrowserPage({ locale: 'en-GB' });
  const smtp = useTestSmtp();
  beforeEach(() => smtp.mails.splice(0));

  const deliver = () => deliverOutbox(smtp.url, foro.clock);
  const mailTo = (address: string, subject: RegExp) =>
    smtp.mails.find((m) => m.to.includes(address) && subject.test(m.subject ?? ''));

  it('leads with the session, confirms with logistics that stay, declines without downloads, and links the team to the answer', async () => {
    const organizer = await createTestUser({ role: 'organizer' });
    const actor = { userId: organizer.id, label: organizer.email, via: 'ui' as const };
    const { event, people, assignments } = await createPanel(actor);
    // João lives in Brasília: his page shows the time there too.
    await updatePerson(people.speaker.id, { timezone: 'America/Sao_Paulo' }, actor, foro.clock);
    await publishProgramme(event, actor, foro.clock);
    await sendInvitations(event, { all: true }, actor, {
      clock: foro.clock,
      settings: mailSettingsOf(foro.config),
    });
    await deliver();

    // Greetings from the honorific, a neutral one without: never "Estimado/a Dra.".
    const toAlicia = mailTo('alicia@cepal.example', /Invitación/)!;
    expect(toAlicia.parsed.text).to.match(/^Estimada Dra\. Alicia Bárcena:/);
    expect(toAlicia.parsed.text).not.to.match(/\/a Dra/);
    const toJoao = mailTo('joao@itamaraty.example', /Convite/)!;
    expect(toJoao.parsed.text).to.match(/^Saudações, João Silva,/);
    const toMary = mailTo('mary@iom.example', /Invitation/)!;
    expect(toMary.parsed.text).to.match(/^Dear Mary Smith,/);

    // João opens his link: the session, his role, the time (also where he lives), the panel, then the question.
    const speaker = await browser.page.context().browser()!.newContext({ locale: 'pt-BR' });
    const inbox = await speaker.newPage();
    await inbox.goto(`${foro.url}${linkIn(toJoao, 'confirm')}`);
    const card = await inbox.locator('section.card').first().innerText();
    expect(card).to.include('Migração e desenvolvimento').and.include('Palestrante');
    expect(card).to.match(/09:00–10:30, horário de Guayaquil \(GMT-5\)/);
    expect(card)
      .to.include('No seu fuso horário:')
      .and.match(/11:00–12:30, horário de S[ãa]o Paulo \(GMT-3\)/);
    expect(card).to.include('Alicia Bárcena');
    expect(await inbox.locator('.lead').innerText()).to.match(/^Saudações, João Silva,\n/);
    const [title, question] = await positions(inbox, ['Migração e desenvolvimento', 'Você participará?']);
    expect(title, 'the session before the question').to.be.within(0, question!);
    expect(await inbox.locator('#downloads-heading').count(), 'no downloads before an answer').to.equal(0);

    await inbox.getByLabel('Data de chegada').fill('2008-04-09');
    await inbox.getByLabel('Alimentação (dieta, alergias)').fill('Sem glúten');
    await inbox.getByLabel('Mensagem aos organizadores').fill('Chego de Brasília na véspera.');
    await inbox.getByRole('button', { name: 'Enviar resposta' }).click();
    await inbox.waitForURL(/answered=1/);
    // What he told us stays in view and in the form, and the downloads come after the answer.
    const details = await inbox.locator('.answer-details').innerText();
    expect(details).to.include('Chego de Brasília na véspera.').and.include('Sem glúten');
    expect(details).to.include('9 de abril de 2008');
    expect(await inbox.getByLabel('Mensagem aos organizadores').inputValue()).to.equal(
      'Chego de Brasília na véspera.',
    );
    const [answer, downloads] = await positions(inbox, ['Sua resposta', 'Downloads']);
    expect(answer).to.be.at.least(0);
    expect(downloads, 'downloads after the answer').to.be.above(answer!);
    await speaker.close();

    await deliver();
    const receipt = mailTo('joao@itamaraty.example', /^Participação confirmada/)!;
    expect(receipt.parsed.text).to.match(/^Saudações, João Silva,/);
    expect(receipt.parsed.text).to.include('Sua mensagem: Chego de Brasília na véspera.');
    expect(receipt.parsed.text).to.include('Data de chegada: 9 de abril de 2008');
    expect(receipt.parsed.text).to.include('Alimentação (dieta, alergias): Sem glúten');

    // Mary declines: no calendar address or programme for her, and the team is told where to look.
    const commentator = await browser.page.context().browser()!.newContext({ locale: 'en-GB' });
    const mary = await commentator.newPage();
    await mary.goto(`${foro.url}${linkIn(toMary, 'decline')}`);
    await mary.getByLabel('Message to the organizers').fill('I am in Geneva that week; try Ana Ruiz.');
    await mary.getByRole('button', { name: 'Send answer' }).click();
    await mary.waitForURL(/answered=1/);
    expect(await mary.locator('.answer-details').innerText()).to.include('try Ana Ruiz');
    expect(await mary.locator('#downloads-heading').count(), 'no downloads after declining').to.equal(0);
    await commentator.close();

    await deliver();
    const team = smtp.mails.find((m) => m.to.includes(organizer.email))!;
    expect(team.subject).to.match(/Mary Smith/);
    expect(team.parsed.text).to.include('I am in Geneva that week; try Ana Ruiz.');
    const answerPage = `/admin/events/${event.id}/invitations/${assignments.commentator.id}`;
    expect(team.parsed.text).to.include(answerPage);

    const page = browser.page;
    await signInWithBrowser(page, foro.url, organizer.email, TEST_PASSWORD);
    await page.goto(`${foro.url}${answerPage}`);
    expect(await page.locator('h1').innerText()).to.include('Mary Smith');
    expect(await page.locator('#answers').innerText()).to.include('I am in Geneva that week; try Ana Ruiz.');
    await page.goto(`${foro.url}/admin/events/${event.id}/invitations`);
    await page
      .locator('tr')
      .filter({ hasText: 'João Silva' })
      .getByRole('link', { name: 'See the answer' })
      .click();
    const joao = await page.locator('#answers').innerText();
    expect(joao).to.include('Chego de Brasília na véspera.').and.include('Sem glúten');
    expect(await page.locator('main').innerText()).to.include('joao@itamaraty.example');
  });
});
