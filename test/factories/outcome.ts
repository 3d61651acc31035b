import type request from 'supertest';
import { issueLink } from '../../src/modules/links/index.js';
import { Delegation } from '../../src/modules/registrations/delegations/delegation.model.js';
import { NOMINATION_LINK } from '../../src/modules/registrations/index.js';
import type { Clock } from '../../src/shared/clock.js';
import { csrfTokenIn } from '../support/http.js';

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
