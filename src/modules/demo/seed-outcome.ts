import { randomBytes } from 'node:crypto';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { getEvent } from '../events/index.js';
import {
  createOutcome,
  getOutcome,
  importDraft,
  itemsOf,
  listOutcomes,
  openRound,
  propose,
  takeStance,
} from '../outcome/index.js';
import { delegationsOf, focalActor } from '../registrations/index.js';

/**
 * The zero draft of the action programme the Montevideo Commitment asks the Cuenca Forum to
 * devise (the Santiago Programme of Action, article 21): preambular paragraphs, then operative
 * ones under two headings, as the secretariat would circulate it.
 */
const ZERO_DRAFT = [
  'PP1. Reconociendo que la historia de Iberoamérica está llena de migraciones y que la migración marca el presente de la Comunidad Iberoamericana,',
  'Recordando la Declaración de Salamanca, el Compromiso de Montevideo sobre Migraciones y Desarrollo y la Declaración de Santiago,',
  'Convencidos de que la migración internacional es un asunto de desarrollo y de derechos, que requiere acciones integrales y la responsabilidad compartida de los países de origen, tránsito y destino,',
  '# Derechos humanos de las personas migrantes',
  'OP1. Promover la protección de los derechos humanos de todas las personas migrantes y de sus familias, independientemente de su situación migratoria,',
  'Impulsar la ratificación de los instrumentos internacionales sobre migración,',
  'Fortalecer la asistencia consular a las personas migrantes en los países de tránsito y destino,',
  '# Migración y desarrollo',
  'Intercambiar buenas prácticas en la gestión de la migración y en la integración de las personas migrantes,',
  'Mejorar la calidad y la disponibilidad de los datos sobre migración internacional, en particular los censales,',
  'Promover la entrada en vigor del Convenio Multilateral Iberoamericano de Seguridad Social,',
  'Solicitar a la Secretaría General Iberoamericana que, con el apoyo de la CEPAL, informe sobre la aplicación de este Programa en la próxima Cumbre.',
].join('\n\n');

export interface OutcomeSeedReport {
  created: boolean;
  paragraphs: number;
  proposals: number;
}

/**
 * The practice edition's outcome document: the zero draft, a round of amendments open until a
 * week before the forum, and proposals from delegations in Spanish and Portuguese with a
 * supporter and an objector, so the compilation has something to show. Creates nothing twice.
 */
export async function seedCuencaOutcome(
  eventId: string,
  actor: Actor,
  clock: Clock,
): Promise<OutcomeSeedReport> {
  const event = await getEvent(eventId);
  if ((await listOutcomes(event.id)).length > 0) return { created: false, paragraphs: 0, proposals: 0 };
  const created = await createOutcome(
    event,
    {
      title: {
        es: 'Programa de Acción de Cuenca sobre Migración y Desarrollo',
        pt: 'Programa de Ação de Cuenca sobre Migração e Desenvolvimento',
        en: 'Cuenca Programme of Action on Migration and Development',
      },
      workingLanguage: 'es',
    },
    actor,
    clock,
  );
  const paragraphs = await importDraft(
    event,
    created.id,
    { source: ZERO_DRAFT, firstKind: 'PP', step: 'save' },
    actor,
    clock,
  );
  const weekBefore = new Date(`${event.startDate}T12:00:00Z`);
  weekBefore.setUTCDate(weekBefore.getUTCDate() - 7);
  const deadlineDate = weekBefore.toISOString().slice(0, 10);
  await openRound(event, created.id, { deadlineDate, deadlineTime: '18:00' }, actor, clock);

  const outcome = await getOutcome(event.id, created.id);
  const items = (await itemsOf(outcome)).filter((item) => item.kind !== 'section');
  const delegations = new Map((await delegationsOf(event.id)).map((d) => [d.country, d]));
  const asDelegation = (country: string) => {
    const d = delegations.get(country);
    return d && { id: d.id, country: d.country };
  };
  const ecuador = asDelegation('EC');
  const brazil = asDelegation('BR');
  const mexico = asDelegation('MX');
  const peru = asDelegation('PE');
  if (!ecuador || !brazil || !mexico || !peru) return { created: true, paragraphs, proposals: 0 };

  const op = (n: number) => items.find((item) => item.kind === 'OP' && item.number === n)!;
  const plans = [
    {
      by: ecuador,
      paragraph: op(1),
      input: {
        kind: 'replace' as const,
        passage: 'Promover la protección',
        text: 'Garantizar plenamente la protección',
        explanation: 'Retoma el compromiso de la Declaración de Santiago.',
        language: 'es' as const,
      },
    },
    {
      by: brazil,
      paragraph: op(5),
      input: {
        kind: 'insert' as const,
        passage: 'en particular los censales',
        text: 'de la ronda de 2010, desagregados por sexo',
        explanation: 'Dados desagregados permitem visibilizar a migração feminina.',
        language: 'pt' as const,
      },
    },
    {
      by: mexico,
      paragraph: op(3),
      input: {
        kind: 'add-after' as const,
        text: 'Promover programas de retorno voluntario y de reintegración de las personas migrantes,',
        language: 'es' as const,
      },
    },
  ];
  const ids: string[] = [];
  for (const plan of plans) {
    const proposer = { delegation: plan.by, observer: false, by: 'link' as const };
    const input = { ...plan.input, paragraph: plan.paragraph.ref, key: randomBytes(12).toString('hex') };
    ids.push((await propose(event, outcome, proposer, input, focalActor(plan.by), clock)).id);
  }
  const stances = [
    [mexico, 0, 'support'],
    [peru, 0, 'support'],
    [ecuador, 1, 'support'],
    [peru, 2, 'object'],
  ] as const;
  for (const [delegation, proposal, stance] of stances)
    await takeStance(event, outcome, delegation, ids[proposal]!, stance, focalActor(delegation), clock);
  return { created: true, paragraphs, proposals: ids.length };
}
