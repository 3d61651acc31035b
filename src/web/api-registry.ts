import { type Request, type RequestHandler, Router } from 'express';
import type { z } from 'zod';
import type { ErrorCode } from '../shared/errors.js';
import { parse } from '../shared/validate.js';
import { openApiDocument } from './api-document.js';
import { queryOf } from './params.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call an operation, in the words of the route table (`events/policy.ts`, which
 * enforces it): the document says it, and lists 403 wherever it can be refused.
 */
export type ApiAccess = 'signed-in' | 'organizer' | 'team' | 'admin';

type OperationVerb = 'list' | 'get' | 'create' | 'update' | 'delete' | 'invite' | 'set' | 'publish' | 'send';

/**
 * The operation's name for clients and generated code: a verb and what it acts on, in camelCase
 * (`listEventRegistrations`, `createSession`). Clients keep it: never rename one.
 */
export type OperationId = `${OperationVerb}${Capitalize<string>}`;

const OPERATION_ID = /^[a-z]+(?:[A-Z][a-z0-9]*)+$/;

export interface ApiOperation<Body extends z.ZodType = z.ZodType, Query extends z.ZodType = z.ZodType> {
  operationId: OperationId;
  method: Method;
  /** Express-style path below /api/v1, e.g. `/events/:eventId/rooms`. */
  path: string;
  summary: string;
  tag: string;
  access: ApiAccess;
  /** What the caller's role changes beyond being let in (fields shown, records they may change). */
  accessNote?: string;
  guards: RequestHandler[];
  body?: Body;
  /**
   * The body is a file that the handler reads itself (not JSON): the content types it takes and
   * its size limit, as the document says them.
   */
  upload?: { contentTypes: readonly string[]; limit: string };
  /** The query string's parameters (strict: an unknown one is refused with 422). */
  query?: Query;
  response?: z.ZodType;
  status?: number;
  /** The 409s this operation gives, by code, with when. */
  conflicts?: Partial<Record<ErrorCode, string>>;
  handler: (req: Request, body: z.output<Body>, query: z.output<Query>) => Promise<unknown>;
}

export const API_BASE = '/api/v1';

/**
 * The JSON API: each module adds its operations with their zod schemas; the same
 * schemas validate requests and produce the OpenAPI 3.1 document.
 */
export class ApiRegistry {
  private readonly operations: ApiOperation[] = [];
  private readonly tags = new Map<string, string>();

  add<Body extends z.ZodType, Query extends z.ZodType>(operation: ApiOperation<Body, Query>): void {
    // A bad or repeated name fails at start, before any client can see it.
    if (!OPERATION_ID.test(operation.operationId))
      throw new Error(`API operationId is not camelCase: ${operation.operationId}`);
    if (this.operations.some((op) => op.operationId === operation.operationId))
      throw new Error(`API operationId used twice: ${operation.operationId}`);
    this.operations.push(operation as unknown as ApiOperation);
  }

  /** What a tag's operations are for, shown with them in the document. */
  describeTag(name: string, description: string): void {
    this.tags.set(name, description);
  }

  router(): Router {
    const router = Router();
    for (const op of this.operations) {
      router[op.method](`${API_BASE}${op.path}`, ...op.guards, async (req, res) => {
        const query = op.query ? parse(op.query, queryOf(req)) : undefined;
        const body = op.body ? parse(op.body, req.body ?? {}) : undefined;
        const result = await op.handler(req, body, query);
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
    const undescribed = [...new Set(this.operations.map((op) => op.tag))].filter(
      (tag) => !this.tags.has(tag),
    );
    if (undescribed.length > 0) throw new Error(`API tags without a description: ${undescribed.join(', ')}`);
    return openApiDocument(this.operations, this.tags, { base: API_BASE, publicUrl });
  }
}
