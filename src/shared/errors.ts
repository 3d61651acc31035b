import type { Catalogue } from './i18n/index.js';
/**
 * The one error family. Domain code throws these and never names an HTTP status;
 * the web layer maps `status` and translates `code` (the `errors.<code>` key) for the user.
 */
export interface FieldError {
  /** Dotted path of the field in the input, e.g. `title.es`. */
  field: string;
  /** Translation key under `validation.` */
  code: string;
  params?: Record<string, string | number>;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  constructor(
    message?: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  readonly status = 400;
  readonly code = 'BAD_REQUEST';
}

export class MalformedJsonError extends AppError {
  readonly status = 400;
  readonly code = 'MALFORMED_JSON';
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly code = 'UNAUTHENTICATED';
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'FORBIDDEN';
}

export class CsrfError extends AppError {
  readonly status = 403;
  readonly code = 'CSRF_INVALID';
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
}

/**
 * For `.catch(absentIfNotFound)`: a record that is not there reads as undefined; any other
 * failure (the database unreachable) stays an error, never passed off as "not there".
 */
export function absentIfNotFound(error: unknown): undefined {
  if (error instanceof NotFoundError) return undefined;
  throw error;
}

/** The codes the message catalogue explains (errors.<code>.title and .detail, in es, pt and en). */
export type ErrorCode = keyof Catalogue['errors'] & string;

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code: ErrorCode;
  constructor(code: ErrorCode = 'CONFLICT', message?: string, params?: Record<string, string | number>) {
    super(message, params);
    this.code = code;
  }
}

/** A private link that expired, was used already, or never existed. */
export class LinkInvalidError extends AppError {
  readonly status = 410;
  readonly code = 'LINK_INVALID';
}

/** A private link that never existed (or names something else): nothing to say about it. */
export class LinkNotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'LINK_NOT_FOUND';
}

/** A private link that was real but has run out. */
export class LinkExpiredError extends AppError {
  readonly status = 410;
  readonly code = 'LINK_EXPIRED';
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'PAYLOAD_TOO_LARGE';
}

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
}

export class ValidationError extends AppError {
  readonly status = 422;
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly fieldErrors: FieldError[]) {
    super(fieldErrors.map((e) => `${e.field}: ${e.code}`).join('; '));
  }
}

export class TooManyRequestsError extends AppError {
  readonly status = 429;
  readonly code = 'TOO_MANY_REQUESTS';
}

export class ServiceUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'SERVICE_UNAVAILABLE';
}

/** A document took longer than its time limit to render and was abandoned. */
export class DocumentTimeoutError extends AppError {
  readonly status = 503;
  readonly code = 'DOCUMENT_TIMEOUT';
}
