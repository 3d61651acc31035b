import { z } from 'zod';
import type { Clock } from '../../shared/clock.js';
import type { ApiRegistry } from '../../web/api-registry.js';
import { pathParam } from '../../web/params.js';
import { actorOf, requireUser } from '../auth/index.js';
import { eventOf } from '../events/index.js';
import { asMarkedText } from './compilation.js';
import { compilationOf, compilationQuery, compilationWords } from './compilation.service.js';
import { OUTCOME_STATES } from './outcome.model.js';
import { getOutcome } from './outcome.service.js';
import { translationInput } from './outcome.schemas.js';
import {
  saveTranslation,
  translatedItems,
  translationLanguageOf,
  TRANSLATION_STATES,
} from './translations.service.js';
import { silenceOf } from './silence.service.js';

const runOutput = z.object({ text: z.string(), style: z.enum(['plain', 'ins', 'del']) });
const lineOutput = z.object({
  kind: z.enum(['section', 'paragraph', 'new-paragraph']),
  ref: z.string().describe('The stable id of the paragraph (the one a new paragraph follows)'),
  label: z.string().describe('"OP3 bis"; empty for a section'),
  runs: z.array(runOutput).describe('Plain words, proposed insertions (ins) and deletions (del)'),
  marked: z.string().describe('The line as text: **insertions**, ~~deletions~~'),
  status: z
    .enum(['agreed-ad-referendum', 'agreed'])
    .optional()
    .describe("The paragraph's status when the facilitator set one other than pending"),
});

const translationOutput = z.object({
  ref: z.string().describe('The stable id of the paragraph or heading, the same in every version'),
  kind: z.enum(['section', 'PP', 'OP']),
  label: z.string().describe('"OP3 bis"; empty for a section'),
  source: z.string().describe('The text in the working language'),
  sourceHash: z
    .string()
    .describe('SHA-256 of the working-language text: send it back with a translation made from it'),
  state: z
    .enum(TRANSLATION_STATES)
    .describe('missing; outdated (the paragraph changed after the translation); current'),
  text: z.string().optional().describe('The translation, when there is one'),
  savedAt: z.string().optional(),
});

const silenceOutput = z
  .object({
    version: z.number().int(),
    deadline: z.string().describe('When the silence ends unless broken (ISO 8601)'),
    end: z.enum(['broken', 'adopted']).optional().describe('How it ended, once it has'),
    endedAt: z.string().optional(),
    brokenBy: z.string().optional().describe('The country code of the delegation that broke silence'),
    reason: z.string().optional().describe('The reason it gave, as plain text'),
  })
  .describe("The text's latest silence procedure");

export function registerOutcomeApi(api: ApiRegistry, clock: Clock): void {
  api.describeTag(
    'Outcome',
    'The negotiated texts of an event: the compilation of the version under amendment, each ' +
      'proposal in brackets with its states, supporters and objectors.',
  );
  api.add({
    tag: 'Outcome',
    access: 'signed-in',
    guards: [requireUser],
    operationId: 'getOutcomeCompilation',
    method: 'get',
    path: '/events/:eventId/outcome/:outcomeId/compilation',
    summary: 'The compilation text, filtered as on its page, with the state of its silence procedure',
    query: compilationQuery,
    response: z.object({
      version: z.number().int(),
      state: z.enum(OUTCOME_STATES),
      silence: silenceOutput.optional(),
      publishedSymbol: z
        .string()
        .optional()
        .describe('Once adopted, the official document it was published as'),
      lines: z.array(lineOutput),
    }),
    handler: async (req, _body, query) => {
      const event = await eventOf(req);
      const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'));
      const lines = await compilationOf(outcome, query, compilationWords(req.t, req.language));
      const silence = await silenceOf(outcome);
      return {
        version: outcome.currentVersion,
        state: outcome.state,
        ...(silence && {
          silence: {
            version: silence.version,
            deadline: silence.deadline.toISOString(),
            ...(silence.end && {
              end: silence.end.end,
              endedAt: silence.end.at.toISOString(),
              ...(silence.end.country && { brokenBy: silence.end.country }),
              ...(silence.end.reason && { reason: silence.end.reason }),
            }),
          },
        }),
        ...(outcome.publishedSymbol && { publishedSymbol: outcome.publishedSymbol }),
        lines: lines.map((line) => ({ ...line, marked: asMarkedText(line) })),
      };
    },
  });

  api.add({
    tag: 'Outcome',
    access: 'signed-in',
    guards: [requireUser],
    operationId: 'listOutcomeTranslations',
    method: 'get',
    path: '/events/:eventId/outcome/:outcomeId/translations/:language',
    summary: 'The version worked on, each paragraph with its translation into one language and its state',
    response: z.object({ version: z.number().int(), items: z.array(translationOutput) }),
    handler: async (req) => {
      const event = await eventOf(req);
      const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'));
      const language = translationLanguageOf(event, outcome, pathParam(req, 'language'));
      const rows = await translatedItems(outcome, language);
      return {
        version: outcome.currentVersion,
        items: rows.map((row) => ({
          ref: row.item.ref,
          kind: row.item.kind,
          label: row.item.label,
          source: row.item.text,
          sourceHash: row.sourceHash,
          state: row.state,
          ...(row.translation && {
            text: row.translation.text,
            savedAt: row.translation.savedAt.toISOString(),
          }),
        })),
      };
    },
  });
  api.add({
    tag: 'Outcome',
    access: 'team',
    guards: [requireUser],
    operationId: 'setOutcomeTranslation',
    method: 'put',
    path: '/events/:eventId/outcome/:outcomeId/translations/:language/:paragraphId',
    summary: "Save a paragraph's translation, made from the working-language text whose hash is sent",
    conflicts: { EVENT_ARCHIVED: 'the event is archived' },
    body: translationInput.omit({ from: true }),
    response: z.object({ ref: z.string(), state: z.enum(TRANSLATION_STATES) }),
    handler: async (req, body) => {
      const event = await eventOf(req, { edit: true });
      const { item, state } = await saveTranslation(
        event,
        pathParam(req, 'outcomeId'),
        pathParam(req, 'language'),
        pathParam(req, 'paragraphId'),
        body,
        actorOf(req),
        clock,
      );
      return { ref: item.ref, state };
    },
  });
}
