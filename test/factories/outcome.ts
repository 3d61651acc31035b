import type request from 'supertest';
import { issueLink } from '../../src/modules/links/index.js';
import { Delegation } from '../../src/modules/registrations/delegations/delegation.model.js';
import { NOMINATION_LINK } from '../../src/modules/registrations/index.js';
import type { Clock } from '../../src/shared/clock.js';
import { OutcomeParagraph, OutcomeProposal } from '../../src/modules/outcome/index.js';
import type { TestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';
import { createPlenary, delegationOf } from './plenary.js';

type Agent = ReturnType<typeof request.agent>;

/** A zero draft in Markdown: a heading, two preambular and three operative paragraphs. */
export const ZERO_DRAFT = [
  '# Programa de Acción de Cuenca',
  'PP1. Reconociendo la contribución de las personas migrantes al desarrollo de los países de origen y de destino,',
  'Recordando el Compromiso de Montevideo sobre Migraciones y Desarrollo,',
  '## Acciones',
  'OP1. Acuerdan promover una migración ordenada, regular y segura,',
  'Invitan a los Estados a intercambiar información sobre sus políticas migratorias,',
  'Solicitan a la Secretaría General Iberoamericana que informe en la próxima Cumbre.',
].join('\n\n');

/** Creates an outcome document through the team's form; its page's path. */
export async function postOutcome(agent: Agent, eventId: string, fields: Record<string, string> = {}) {
  const form = await agent.get(`/admin/events/${eventId}/outcome/new`);
  const res = await agent
    .post(`/admin/events/${eventId}/outcome`)
    .type('form')
    .send({
      _csrf: csrfTokenIn(form.text),
      title_es: 'Programa de Acción de Cuenca',
      title_pt: 'Programa de Ação de Cuenca',
      title_en: 'Cuenca Programme of Action',
      workingLanguage: 'es',
      ...fields,
    });
  return res;
}

/** Imports a draft: previewed first, then saved with the preview's fingerprint, as the page does. */
export async function importThrough(agent: Agent, path: string, source: string, firstKind = 'PP') {
  const page = await agent.get(`${path}/import`);
  const csrf = csrfTokenIn(page.text);
  const preview = await agent
    .post(`${path}/import`)
    .type('form')
    .send({ _csrf: csrf, source, firstKind, step: 'preview' });
  const previewed = /name="previewed" value="([a-f0-9]{64})"/.exec(preview.text)?.[1];
  const saved = await agent
    .post(`${path}/import`)
    .type('form')
    .send({ _csrf: csrf, source, firstKind, step: 'save', ...(previewed && { previewed }) });
  return { preview, saved };
}

/** A nomination link of a delegation of the event (one made for Ecuador if it has none): its path. */
export async function focalLinkOf(eventId: string, clock: Clock): Promise<string> {
  const found =
    (await Delegation.findOne({ eventId }).lean()) ??
    (await Delegation.create({
      eventId,
      country: 'EC',
      contactId: '0'.repeat(24),
      quota: 5,
      invitedAt: clock.now(),
      invitedBy: 'test',
    }));
  const { token } = await issueLink(
    { purpose: NOMINATION_LINK, subject: String(found._id), validForMs: 365 * 86_400_000 },
    clock,
  );
  return `/nominations/${token}`;
}

/** What a negotiation's set-up is made of; everything has a default. */
export interface NegotiationOptions {
  /** The event's states, in the participant list's order (others proposing are observers). */
  countries?: string[];
  /** The draft imported through the import page (default: the five-paragraph zero draft). */
  source?: string;
  /** The organizer's language, and the focal points' unless a form asks another. */
  language?: 'es' | 'pt' | 'en';
  /** Fields added to the round's form (e.g. `observersMayPropose: 'yes'`); `false`: no round opened. */
  round?: Record<string, string> | false;
  /** Fields every proposal starts from, before the test's own (a paragraph and language are always set). */
  proposal?: Record<string, string>;
}

/**
 * An outcome document being negotiated, set up as its users do: an organizer creates it,
 * imports the draft through the preview and opens a round until 5 April 2008, 18:00 in Cuenca
 * (the clock stands at 1 April). Focal points of the event's delegations come on demand, one
 * delegation a country, each with its nomination link and its own browser.
 */
export async function openNegotiation(foro: TestForo, options: NegotiationOptions = {}) {
  const language = options.language ?? 'en';
  foro.clock.set('2008-04-01T12:00:00Z');
  const organizer = await signedInAs(foro.url, 'organizer');
  await organizer.agent.get(`/admin?lang=${language}`);
  const { event } = await createPlenary(organizer.actor, options.countries ?? ['EC', 'BR', 'MX']);
  const created = await postOutcome(organizer.agent, event.id);
  if (created.status !== 303) throw new Error(`creating the document: ${created.status}`);
  const path = String(created.headers['location']);
  const outcomeId = path.split('/').pop()!;
  const imported = await importThrough(organizer.agent, path, options.source ?? ZERO_DRAFT);
  if (imported.saved.status !== 303) throw new Error(`importing the draft: ${imported.saved.status}`);
  const csrf = csrfTokenIn((await organizer.agent.get(path)).text);
  if (options.round !== false) {
    const opened = await organizer.agent
      .post(`${path}/round`)
      .type('form')
      .send({ _csrf: csrf, deadlineDate: '2008-04-05', deadlineTime: '18:00', ...options.round });
    if (opened.status !== 303)
      throw new Error(`opening the round: ${opened.status} ${opened.text.slice(0, 400)}`);
  }

  /** The paragraphs and sections of the document's current text, in order. */
  const paragraphs = async () =>
    (await OutcomeParagraph.find({ documentId: outcomeId }).lean()).sort((a, b) => a.position - b.position);
  /** A numbered paragraph, e.g. `paragraph('OP', 2)`; `suffix` 1 for "bis". */
  const paragraph = async (kind: 'PP' | 'OP', number: number, suffix = 0) => {
    const found = (await paragraphs()).find(
      (p) => p.kind === kind && p.number === number && (p.suffix ?? 0) === suffix,
    );
    if (!found) throw new Error(`no ${kind}${number} in the document`);
    return found;
  };
  const op1 = await paragraph('OP', 1);

  const focalPoints = new Map<string, ReturnType<typeof focalPointOf>>();
  /** The focal point of a country's delegation (made on first use, then the same one). */
  const focal = (country: string) => {
    if (!focalPoints.has(country)) focalPoints.set(country, focalPointOf(country));
    return focalPoints.get(country)!;
  };

  async function focalPointOf(country: string) {
    const d = await delegationOf(foro.url, event, country);
    const page = `/nominations/${d.token}/outcome/${outcomeId}`;
    /** The proposal form's CSRF token and idempotency key, as the page draws them. */
    const form = async (lang: string = language) => {
      const html = (await d.focal.get(`${page}?lang=${lang}`)).text;
      // Without a proposal form (an observer in a closed round) the nomination page's token serves.
      const token = html.includes('name="_csrf"') ? csrfTokenIn(html) : d.csrf;
      return {
        csrf: token,
        key: /name="key" value="([\w-]+)"/.exec(html)?.[1] ?? 'a-key-of-a-form-never-drawn',
      };
    };
    /** Sends the proposal form; `sent` replays a form already drawn (a double click). */
    const propose = async (fields: Record<string, string>, sent?: { csrf: string; key: string }) => {
      const f = sent ?? (await form());
      return d.focal
        .post(`${page}/proposals`)
        .type('form')
        .send({
          _csrf: f.csrf,
          key: f.key,
          paragraph: op1.ref,
          language: 'es',
          ...options.proposal,
          ...fields,
        });
    };
    /** Proposes and gives the stored proposal's id; throws unless the form was taken. */
    const proposed = async (fields: Record<string, string>) => {
      const res = await propose(fields);
      if (res.status !== 303)
        throw new Error(`proposing for ${country}: ${res.status} ${res.text.slice(0, 400)}`);
      const found = await OutcomeProposal.findOne({ documentId: outcomeId, delegationId: d.id })
        .sort({ _id: -1 })
        .lean();
      return String(found!._id);
    };
    /** Supports, objects to (or neither) another delegation's proposal through the page's buttons. */
    const stance = async (proposalId: string, value: 'support' | 'object' | 'none', token?: string) =>
      d.focal
        .post(`${page}/proposals/${proposalId}/stance`)
        .type('form')
        .send({ _csrf: token ?? (await form()).csrf, stance: value });
    return { ...d, country, page, form, propose, proposed, stance };
  }

  return { organizer, event, path, outcomeId, csrf, op1, paragraphs, paragraph, focal };
}

export type Negotiation = Awaited<ReturnType<typeof openNegotiation>>;
export type FocalPoint = Awaited<ReturnType<Negotiation['focal']>>;
