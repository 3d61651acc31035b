import { z } from 'zod';
import { LIMITS } from '../shared/limits.js';
import type { ApiAccess, ApiOperation } from './api-registry.js';

type Json = Record<string, unknown>;

const WHO: Record<ApiAccess, string> = {
  'signed-in': 'any signed-in user',
  organizer: 'admins and organizers',
  team: "admins, and organizers in the event's team",
  admin: 'admins',
};

const DESCRIPTION = `Foro runs the logistics of an intergovernmental forum. This API reads and changes what \
the organizers' pages do: events with their rooms and history; the people directory; the working \
programme (sessions, the people in them with their roles, and the checks for clashes and balance); \
published versions of the programme; invitations and the answers to them; registrations; and user \
accounts.

**Authentication.** Send an API token as \`Authorization: Bearer foro_…\`. An admin creates it for an \
account at \`/admin/tokens\`; it is shown once, stored hashed, and acts with that account's role until \
it is revoked or the account disabled (then 401). A browser session of a signed-in user works too; \
its requests that change something must send \`Content-Type: application/json\` (or the page's \
\`X-CSRF-Token\`), or they are refused with 403.

**Paging.** Registrations, people and official documents come 50 a page, invitations 500 (\`limit\` asks for fewer). A \
page gives \`next\` (and, where you can go back, \`previous\`): pass it as \`after\` (or \`before\`) \
to get the following page; it is absent on the last (or first) page. Pages go in the order the \
records were made (official documents: the newest first), so a record added meanwhile comes \
later (documents: before the first page): none is skipped or repeated. Other \
lists come whole.

**Languages.** Foro works in Spanish (\`es\`), Portuguese (\`pt\`) and English (\`en\`). Texts an \
organizer writes in several languages come as \`{ es, pt, en }\` objects. Errors are written in the \
language of \`Accept-Language\` (or \`?lang=\`), Spanish by default.

**Errors** are \`application/problem+json\` (RFC 9457, the \`Problem\` schema): \`status\`, a \
\`title\` and \`detail\` in the request's language, a stable \`code\` to program against, the \
\`requestId\` of the server's log, and for 422 the \`errors\` of each field. Each operation lists the \
4xx it can give. Each client address has a budget of requests per time window (429 with \`Retry-After\`); \
a database that cannot be reached gives 503 with \`Retry-After\`.

**Times** are ISO 8601: instants of sessions carry the offset of the event's time zone, calendar \
dates (\`YYYY-MM-DD\`) are in that zone. Events and sessions have a \`revision\`: send it back \
with a change, and a copy that someone changed meanwhile is refused (409 \`STALE_EDIT\`).`;

/** RFC 9457 problem details exactly as `web/errors.ts` writes them for the API. */
const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code', 'requestId'],
  additionalProperties: false,
  properties: {
    type: {
      type: 'string',
      description: 'Always `about:blank`: `code` says what happened',
      examples: ['about:blank'],
    },
    title: { type: 'string', description: "A short summary, in the request's language" },
    status: { type: 'integer', minimum: 400, maximum: 599, description: 'The HTTP status' },
    detail: { type: 'string', description: "What to do about it, in the request's language" },
    code: {
      type: 'string',
      pattern: '^[A-Z][A-Z0-9_]*$',
      description: 'Stable code of the error (e.g. `NOT_FOUND`, `STALE_EDIT`): program against it',
    },
    requestId: { type: 'string', description: "The request's id in the server's log" },
    errors: {
      type: 'array',
      description: 'For 422: each field refused',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        additionalProperties: false,
        properties: {
          field: { type: 'string', description: 'Dotted path in the body or query, e.g. `title.es`' },
          code: { type: 'string', description: 'Stable, e.g. `required`, `too_long`, `unknown_field`' },
          params: {
            type: 'object',
            additionalProperties: { type: ['string', 'number'] },
            description: 'The limit broken, e.g. `{ "max": 300 }`',
          },
          message: { type: 'string', description: "In the request's language" },
        },
      },
    },
  },
};

const problem = (description: string, retryAfter = false): Json => ({
  description,
  ...(retryAfter && { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } }),
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The refusals several operations share, by their name in components. */
const SHARED_PROBLEMS = {
  BadRequest: problem('The body is not JSON (`MALFORMED_JSON`), or cannot be read (`BAD_REQUEST`)'),
  Unauthorized: problem(
    'No API token or session, or a token unknown, revoked or of a disabled account (`UNAUTHENTICATED`)',
  ),
  NotFound: problem(
    'No such record (`NOT_FOUND`): an id that is unknown or malformed, or of another event or session',
  ),
  PayloadTooLarge: problem(`The body is over ${LIMITS.jsonBodyBytes / 1024} KB (\`PAYLOAD_TOO_LARGE\`)`),
  UnsupportedMediaType: problem(
    'The body is in a charset other than UTF-8/16/32, or a Content-Encoding Foro does not read ' +
      '(`UNSUPPORTED_MEDIA_TYPE`)',
  ),
  ValidationFailed: problem(
    'The input breaks a rule (`VALIDATION_FAILED`): `errors` names each field with its code. Unknown ' +
      'fields and query parameters, and keys that look like database operators, are refused too',
  ),
  TooManyRequests: problem(
    'Too many requests from this address in the window (`TOO_MANY_REQUESTS`); try again after Retry-After',
    true,
  ),
  ServiceUnavailable: problem(
    'The database cannot be reached for now (`SERVICE_UNAVAILABLE`); try again after Retry-After',
    true,
  ),
  InternalError: problem('An unexpected error (500, `INTERNAL`), logged under `requestId`'),
};

const shared = (name: keyof typeof SHARED_PROBLEMS) => ({ $ref: `#/components/responses/${name}` });

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const whoMay = (op: Pick<ApiOperation, 'access' | 'accessNote'>) =>
  `${WHO[op.access]}${op.accessNote ? ` (${op.accessNote})` : ''}`;

/** Who may call it, as the document and the docs page say it. */
export const accessText = (op: Pick<ApiOperation, 'access' | 'accessNote'>) => sentence(whoMay(op));

/**
 * The 4xx an operation can give, from what it is: every call can be unauthenticated, refused
 * by the rules on input or the request budget; a body can be malformed, too large or in another
 * charset; a path parameter can name nothing; a role or a session's missing CSRF token can
 * refuse a change; its conflicts are its own.
 */
function problemResponses(op: ApiOperation): Json {
  const write = op.method !== 'get';
  const forbidden = [
    ...(op.access === 'signed-in' ? [] : [`\`FORBIDDEN\`: only for ${whoMay(op)}`]),
    ...(write ? ['`CSRF_INVALID`: a session sent it without JSON or `X-CSRF-Token`'] : []),
  ];
  const conflicts = Object.entries(op.conflicts ?? {}).map(([code, when]) => `\`${code}\`: ${when}`);
  return {
    ...((op.body ?? op.upload) && { '400': shared('BadRequest') }),
    '401': shared('Unauthorized'),
    ...(forbidden.length > 0 && { '403': problem(`Refused. ${forbidden.join('; ')}`) }),
    ...(op.path.includes(':') && { '404': shared('NotFound') }),
    ...(conflicts.length > 0 && { '409': problem(`Conflict. ${conflicts.join('; ')}`) }),
    ...(op.body && { '413': shared('PayloadTooLarge'), '415': shared('UnsupportedMediaType') }),
    ...(op.upload && {
      '413': problem(`The file is over ${op.upload.limit} (\`PAYLOAD_TOO_LARGE\`)`),
      '415': shared('UnsupportedMediaType'),
    }),
    '422': shared('ValidationFailed'),
    '429': shared('TooManyRequests'),
    '503': shared('ServiceUnavailable'),
    default: shared('InternalError'),
  };
}

function parametersOf(op: ApiOperation): Json[] {
  const inPath = [...op.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    description: name!.endsWith('Id') ? `The id of the ${name!.slice(0, -2)}` : `The ${name}`,
    schema: { type: 'string' },
  }));
  if (!op.query) return inPath;
  const query = z.toJSONSchema(op.query, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  const inQuery = Object.entries(query.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return {
      name,
      in: 'query',
      required: query.required?.includes(name) ?? false,
      ...(typeof description === 'string' && { description }),
      schema: rest,
    };
  });
  return [...inPath, ...inQuery];
}

function operationOf(op: ApiOperation): Json {
  const parameters = parametersOf(op);
  const success = String(op.status ?? (op.response ? 200 : 204));
  return {
    operationId: op.operationId,
    summary: op.summary,
    tags: [op.tag],
    description: `Access: ${accessText(op)}.`,
    ...(parameters.length > 0 && { parameters }),
    ...(op.body && {
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' }) },
        },
      },
    }),
    ...(op.upload && {
      requestBody: {
        required: true,
        description: `The file itself, up to ${op.upload.limit}`,
        content: Object.fromEntries(
          op.upload.contentTypes.map((type) => [
            type,
            { schema: { type: 'string', contentMediaType: type } },
          ]),
        ),
      },
    }),
    responses: {
      [success]: {
        description: 'Success',
        ...(op.response && {
          content: {
            'application/json': { schema: z.toJSONSchema(op.response, { unrepresentable: 'any' }) },
          },
        }),
      },
      ...problemResponses(op),
    },
  };
}

/** The OpenAPI 3.1 document of the operations under `base`, tags in the order they first appear. */
export function openApiDocument(
  operations: readonly ApiOperation[],
  tags: ReadonlyMap<string, string>,
  options: { base: string; publicUrl: string },
): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    const path = `${options.base}${op.path}`.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [op.method]: operationOf(op) };
  }
  const tagNames = [...new Set(operations.map((op) => op.tag))];
  return {
    openapi: '3.1.0',
    info: { title: 'Foro API', version: '1', description: DESCRIPTION },
    servers: [{ url: options.publicUrl }],
    security: [{ bearer: [] }, { session: [] }],
    tags: tagNames.map((name) => ({ name, description: tags.get(name) })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token, `foro_…`' },
        session: { type: 'apiKey', in: 'cookie', name: 'foro_sid', description: 'A signed-in session' },
      },
      schemas: { Problem: PROBLEM_SCHEMA },
      headers: {
        RetryAfter: { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
      },
      responses: SHARED_PROBLEMS,
    },
  };
}
