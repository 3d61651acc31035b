import { type Request, type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { parse } from '../shared/validate.js';

type Method = 'get' | 'post' | 'patch' | 'delete';

export interface ApiOperation<Body extends z.ZodType = z.ZodType> {
  method: Method;
  /** Express-style path below /api/v1, e.g. `/events/:eventId/rooms`. */
  path: string;
  summary: string;
  tag: string;
  /** Who may call it, for the document (`admin`, `organizer`, `signed-in`…). */
  access: string;
  guards: RequestHandler[];
  body?: Body;
  response?: z.ZodType;
  status?: number;
  handler: (req: Request, body: z.output<Body>) => Promise<unknown>;
}

export const API_BASE = '/api/v1';

/**
 * The JSON API: each module adds its operations with their zod schemas; the same
 * schemas validate requests and produce the OpenAPI 3.1 document.
 */
export class ApiRegistry {
  private readonly operations: ApiOperation[] = [];

  add<Body extends z.ZodType>(operation: ApiOperation<Body>): void {
    this.operations.push(operation as unknown as ApiOperation);
  }

  router(): Router {
    const router = Router();
    for (const op of this.operations) {
      router[op.method](`${API_BASE}${op.path}`, ...op.guards, async (req, res) => {
        const body = op.body ? parse(op.body, req.body ?? {}) : undefined;
        const result = await op.handler(req, body);
        if (result === undefined) res.status(204).end();
        else res.status(op.status ?? 200).json(result);
      });
    }
    return router;
  }

  list(): readonly ApiOperation[] {
    return this.operations;
  }

  document(publicUrl: string): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const op of this.operations) {
      const path = `${API_BASE}${op.path}`.replace(/:(\w+)/g, '{$1}');
      const parameters = [...op.path.matchAll(/:(\w+)/g)].map((match) => ({
        name: match[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      }));
      paths[path] ??= {};
      paths[path][op.method] = {
        summary: op.summary,
        tags: [op.tag],
        description: `Access: ${op.access}.`,
        ...(parameters.length > 0 && { parameters }),
        ...(op.body && {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' }),
              },
            },
          },
        }),
        responses: {
          [String(op.status ?? (op.response ? 200 : 204))]: {
            description: 'Success',
            ...(op.response && {
              content: {
                'application/json': { schema: z.toJSONSchema(op.response, { unrepresentable: 'any' }) },
              },
            }),
          },
          default: { $ref: '#/components/responses/Problem' },
        },
      };
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'Foro API',
        version: '1',
        description:
          'Events, rooms and users of Foro. Authenticate with an API token (Authorization: Bearer foro_…) ' +
          'created by an admin, or with a signed-in session. Errors are application/problem+json.',
      },
      servers: [{ url: publicUrl }],
      security: [{ bearer: [] }, { session: [] }],
      paths,
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'foro_sid' },
        },
        responses: {
          Problem: {
            description: 'An error (RFC 9457 problem details), in the language of Accept-Language',
            content: {
              'application/problem+json': {
                schema: {
                  type: 'object',
                  properties: {
                    type: { type: 'string' },
                    title: { type: 'string' },
                    status: { type: 'integer' },
                    detail: { type: 'string' },
                    code: { type: 'string' },
                    requestId: { type: 'string' },
                    errors: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          field: { type: 'string' },
                          code: { type: 'string' },
                          message: { type: 'string' },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
  }
}
