import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { DEMO_USERS, seedDemo } from '../../src/modules/demo/index.js';
import { Session } from '../../src/modules/agenda/sessions/session.model.js';
import { Person } from '../../src/modules/people/index.js';
import { Message } from '../../src/modules/messaging/index.js';
import { NationalContact } from '../../src/modules/contacts/index.js';
import { SpeakerEntry, SpeakersList } from '../../src/modules/plenary/speakers-list/speakers.model.js';
import { OfficialDocument } from '../../src/modules/official-documents/index.js';
import { getEvent } from '../../src/modules/events/index.js';
import {
  createOutcome,
  importDraft,
  issueRevision,
  itemsOf,
  openRound,
  startSilence,
} from '../../src/modules/outcome/index.js';
import { mailSettingsOf } from '../../src/modules/invitations/index.js';
import { focalLinkOf, ZERO_DRAFT } from '../factories/outcome.js';
import { useBrowserPage, signInWithBrowser } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';
import { problemsOf, submitWithMistakes } from '../support/page-checks.js';

const WIDTHS = [390, 1280];

/** A private link the demo mailed, read from the mail's text. */
async function linkIn(template: string, path: RegExp): Promise<string> {
  const mail = await Message.findOne({ template }).lean();
  const found = path.exec(mail?.text ?? '');
  if (!found) throw new Error(`no ${template} mail with a link`);
  return new URL(found[0]).pathname;
}

describe('browser: every page passes axe-core and html-validate, and none is wider than a phone', function () {
  this.timeout(1_200_000);
  const foro = useTestForo(import.meta.url, { env: { OUTBOX_WORKER: 'off' } });
  const browser = useBrowserPage({ locale: 'es-EC' });

  async function visit(page: Page, path: string, problems: string[]) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const response = await page.goto(`${foro.url}${path}`);
      problems.push(...(await problemsOf(page, response, `${path} at ${width}`)));
    }
  }

  async function inErrorState(page: Page, path: string, problems: string[], form?: string) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${foro.url}${path}`);
      const response = await submitWithMistakes(page, form);
      expect(response?.status(), `${path}: the form answers its mistakes`).to.be.within(400, 499);
      problems.push(...(await problemsOf(page, response, `${path} with mistakes at ${width}`)));
    }
  }

  /** A published list of speakers on a plenary of the demo, with one speaker who has the floor. */
  async function speakersList(eventId: string, slug: string) {
    const sessions = await Session.find({ eventId, status: 'scheduled' }).lean();
    const session = (sessions.find((s) => s.type === 'plenary') ?? sessions.find((s) => s.startsAt))!;
    const sessionId = String(session._id);
    const now = foro.clock.now();
    const list = await SpeakersList.create({
      eventId,
      sessionId,
      opensAt: now,
      closesAt: new Date(now.getTime() + 86_400_000),
      minutes: 5,
      onePerDelegation: true,
      moveNotice: 3,
      publishedAt: now,
      createdAt: now,
    });
    const person = (await Person.findOne().lean())!;
    await SpeakerEntry.create({
      listId: String(list._id),
      eventId,
      seq: 1,
      group: 'other',
      level: 'other',
      language: 'es',
      reply: false,
      head: false,
      inscribedAt: now,
      inscribedBy: 'test',
      personId: String(person._id),
      speakerName: `${person.givenName} ${person.familyName}`,
    });
    return {
      sessionId,
      publicPaths: [`/events/${slug}/sessions/${sessionId}/speakers`],
      adminPaths: [
        `/admin/events/${eventId}/sessions/${sessionId}/speakers`,
        `/admin/events/${eventId}/sessions/${sessionId}/speakers?q=${encodeURIComponent(person.familyName)}`,
        `/admin/events/${eventId}/floor/${sessionId}`,
      ],
    };
  }

  /** An outcome document with an imported zero draft: its pages. */
  async function outcomeDraft(eventId: string) {
    const event = await getEvent(eventId);
    const actor = { label: 'test', via: 'cli' as const };
    const title = { es: 'Programa de Acción de Cuenca' };
    const outcome = await createOutcome(event, { title, workingLanguage: 'es' }, actor, foro.clock);
    const input = { source: ZERO_DRAFT, firstKind: 'PP' as const, step: 'save' as const };
    await importDraft(event, outcome.id, input, actor, foro.clock);
    const paragraph = (await itemsOf(outcome)).find((item) => item.kind === 'OP')!;
    const base = `/admin/events/${eventId}/outcome/${outcome.id}`;
    return {
      id: outcome.id,
      paths: [
        base,
        `${base}/import`,
        `${base}/paragraphs/${paragraph.ref}`,
        `${base}/compilation`,
        `${base}/translations/pt`,
      ],
    };
  }

  /** The same, with a round of amendments open: the focal point's pages through the nomination link. */
  async function outcomeRound(eventId: string) {
    const nomination = await focalLinkOf(eventId, foro.clock);
    const { id } = await outcomeDraft(eventId);
    const round = { deadlineDate: '2099-04-05', deadlineTime: '18:00' };
    await openRound(await getEvent(eventId), id, round, { label: 'test', via: 'cli' }, foro.clock);
    return [`${nomination}/outcome`, `${nomination}/outcome/${id}`];
  }

  /** A text under silence: the team's page with its silence, the focal point's with the form to break it. */
  async function outcomeSilenced(eventId: string) {
    const nomination = await focalLinkOf(eventId, foro.clock);
    const { id } = await outcomeDraft(eventId);
    const deps = { clock: foro.clock, settings: mailSettingsOf(foro.config) };
    const deadline = { silenceDate: '2099-04-05', silenceTime: '18:00' };
    await startSilence(await getEvent(eventId), id, deadline, { label: 'test', via: 'cli' }, deps);
    return { team: `/admin/events/${eventId}/outcome/${id}`, focal: `${nomination}/outcome/${id}` };
  }

  /** A text negotiated in a round and revised: Rev.1 compared with the zero draft. */
  async function outcomeRevised(eventId: string) {
    const event = await getEvent(eventId);
    const actor = { label: 'test', via: 'cli' as const };
    const { id } = await outcomeDraft(eventId);
    await openRound(event, id, { deadlineDate: '2099-04-05', deadlineTime: '18:00' }, actor, foro.clock);
    await issueRevision(event, id, actor, foro.clock);
    return `/admin/events/${eventId}/outcome/${id}/compare`;
  }

  it('checks the public pages, the private-link pages and the forms with mistakes', async () => {
    const report = await seedDemo({ label: 'test seed', via: 'cli' }, foro.clock);
    const practice = report.event.slug;
    const page = browser.page;
    const problems: string[] = [];
    for (const path of [
      '/',
      '/login',
      `/events/${practice}`,
      `/events/${practice}/programme`,
      `/events/${practice}/programme/versions/1`,
      `/events/${practice}/participants`,
      `/events/${practice}/register`,
      `/events/${practice}/documents`,
      `/events/${practice}/documents?q=migracion&kind=study`,
      '/events/cuenca-2008',
      '/events/cuenca-2008/documents',
      '/events/cuenca-2008/programme',
      '/events/cuenca-2008/register',
      '/letters/verify',
      '/api/docs',
      '/no-such-page',
      await linkIn('registration.confirmed', /https?:\/\/\S+\/registrations\/\S+/),
      await linkIn('registration.nomination', /https?:\/\/\S+\/nominations\/\S+/),
      `/events/${practice}/side-events/propose`,
      (await linkIn('registration.nomination', /https?:\/\/\S+\/nominations\/[A-Za-z0-9_-]+/)) +
        '/bilaterals',
      `${await linkIn('registration.nomination', /https?:\/\/\S+\/nominations\/[\w-]+/)}/speakers`,
      `${await linkIn('registration.nomination', /https?:\/\/\S+\/nominations\/[\w-]+/)}/credentials`,
      ...(await speakersList(report.event.id, practice)).publicPaths,
      `${await linkIn('registration.confirmed', /https?:\/\/\S+\/registrations\/[A-Za-z0-9_-]+/)}/documents`,
      `${await linkIn('registration.nomination', /https?:\/\/\S+\/nominations\/[A-Za-z0-9_-]+/)}/documents`,
      ...(await outcomeRound(report.event.id)),
      (await outcomeSilenced(report.event.id)).focal,
    ]) {
      await visit(page, path, problems);
    }
    await inErrorState(page, `/events/${practice}/register`, problems);
    await inErrorState(page, '/login', problems);
    expect(problems.join('\n')).to.equal('');
  });

  it('checks every admin page of the demo event and the forms with mistakes, as its organizer', async () => {
    const report = await seedDemo({ label: 'test seed', via: 'cli' }, foro.clock);
    const page = browser.page;
    await signInWithBrowser(page, foro.url, DEMO_USERS[0].email, report.logins[0]!.password!);
    const event = `/admin/events/${report.event.id}`;
    const overview = await page.goto(`${foro.url}${event}`);
    expect(overview?.status()).to.equal(200);
    const menu = await page.evaluate<string[]>(
      "[...document.querySelectorAll('nav.event-nav a')].map((a) => a.pathname + a.search)",
    );
    const session = await Session.findOne({ eventId: report.event.id }).lean();
    const person = await Person.findOne().lean();
    const contact = await NationalContact.findOne().lean();
    const mail = await Message.findOne().lean();
    const document = await OfficialDocument.findOne({ eventId: report.event.id }).lean();
    const outcomePaths = (await outcomeDraft(report.event.id)).paths;
    const revised = await outcomeRevised(report.event.id);
    const silenced = (await outcomeSilenced(report.event.id)).team;
    const problems: string[] = [];
    for (const path of [
      '/admin',
      '/admin/events',
      '/admin/events/new',
      '/admin/people',
      '/admin/people/new',
      `/admin/people/${String(person!._id)}`,
      '/admin/contacts',
      '/admin/contacts/new',
      `/admin/contacts/${String(contact!._id)}`,
      '/admin/outbox',
      `/admin/outbox/${String(mail!._id)}`,
      '/admin/users',
      '/admin/tokens',
      '/account/password',
      ...menu,
      `${event}/edit`,
      `${event}/sessions/new`,
      `${event}/sessions/${String(session!._id)}`,
      `${event}/invitations/preview`,
      `${event}/announcements/new`,
      `${event}/documents/new`,
      ...(document ? [`${event}/documents/${String(document._id)}`] : []),
      `${event}/mail-templates/registration.confirmed/es`,
      ...(await speakersList(report.event.id, report.event.slug)).adminPaths,
      `${event}/outcome/new`,
      ...outcomePaths,
      revised,
      silenced,
    ]) {
      await visit(page, path, problems);
    }
    for (const path of [
      '/admin/events/new',
      '/admin/people/new',
      '/admin/contacts/new',
      `${event}/sessions/new`,
      `${event}/documents/new`,
      `${event}/outcome/new`,
      outcomePaths[1]!,
    ]) {
      await inErrorState(page, path, problems);
    }
    expect(problems.join('\n')).to.equal('');
  });
});
