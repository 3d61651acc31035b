import { z } from 'zod';
import type { ApiRegistry } from '../../web/api-registry.js';
import { pathParam } from '../../web/params.js';
import { requireUser } from '../auth/index.js';
import { eventOf } from '../events/index.js';
import { asMarkedText } from './compilation.js';
import { compilationOf, compilationQuery, compilationWords } from './compilation.service.js';
import { getOutcome } from './outcome.service.js';

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

export function registerOutcomeApi(api: ApiRegistry): void {
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
    summary: 'The compilation text, filtered as on its page',
    query: compilationQuery,
    response: z.object({ version: z.number().int(), lines: z.array(lineOutput) }),
    handler: async (req, _body, query) => {
      const event = await eventOf(req);
      const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'));
      const lines = await compilationOf(outcome, query, compilationWords(req.t, req.language));
      return {
        version: outcome.currentVersion,
        lines: lines.map((line) => ({ ...line, marked: asMarkedText(line) })),
      };
    },
  });
}
