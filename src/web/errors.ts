import { isDuplicateKey } from '../db/duplicate-key.js';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import mongoose from 'mongoose';
import {
  AppError,
  BadRequestError,
  ConflictError,
  CsrfError,
  type FieldError,
  MalformedJsonError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../shared/errors.js';
import { StaleReplyError } from '../db/reply-check.js';
import { createTranslator } from '../shared/i18n/index.js';
import type { Logger } from '../shared/logger.js';
import { chooseLanguage } from './language.js';

interface HttpLikeError {
  type?: string;
  status?: number;
  statusCode?: number;
  code?: unknown;
  expose?: boolean;
}

const BODY_PARSER_ERRORS: Record<string, () => AppError> = {
  'entity.parse.failed': () => new MalformedJsonError(),
  'entity.too.large': () => new PayloadTooLargeError(),
  'parameters.too.many': () => new PayloadTooLargeError(),
  'charset.unsupported': () => new UnsupportedMediaTypeError(),
  'encoding.unsupported': () => new UnsupportedMediaTypeError(),
};

function mongooseFieldErrors(error: mongoose.Error.ValidationError): FieldError[] {
  return Object.entries(error.errors).map(([field, cause]) => {
    const kind = 'kind' in cause ? String(cause.kind) : '';
    const code =
      { required: 'required', maxlength: 'too_long', enum: 'invalid_choice', minlength: 'too_short' }[kind] ??
      'invalid';
    return { field, code };
  });
}

const {
  MongoNetworkError,
  MongoServerSelectionError,
  MongoNotConnectedError,
  MongoUnexpectedServerResponseError,
} = mongoose.mongo;

/**
 * A database that cannot be reached, or a reply that does not fit its command: the read failed,
 * so the user is told to try again (503), never shown an empty or wrong page.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  return (
    error instanceof StaleReplyError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoUnexpectedServerResponseError ||
    (error instanceof Error && error.name === 'MongooseServerSelectionError') ||
    (error instanceof mongoose.Error && /buffering timed out/.test(error.message))
  );
}

/** Maps what libraries throw onto the AppError family; anything else is an internal error. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new ServiceUnavailableError();
  if (error instanceof mongoose.Error.ValidationError) return new ValidationError(mongooseFieldErrors(error));
  if (error instanceof mongoose.Error.CastError) return new NotFoundError();
  if (error instanceof mongoose.Error.StrictModeError) return new BadRequestError(error.message);
  if (error instanceof mongoose.mongo.MongoServerError && isDuplicateKey(error)) {
    // MongoDB names the field; FerretDB does not, so the answer stays generic there.
    const field = Object.keys((error.keyValue as Record<string, unknown> | undefined) ?? {})[0];
    return field ? new ConflictError('DUPLICATE', 'duplicate key', { field }) : new ConflictError();
  }
  if (typeof error !== 'object' || error === null) return undefined;
  if ((error as Error).name === 'MulterError') {
    const code = (error as { code?: string }).code;
    return code === 'LIMIT_FILE_SIZE'
      ? new PayloadTooLargeError()
      : new BadRequestError((error as Error).message);
  }
  const httpError = error as HttpLikeError;
  if (httpError.code === 'EBADCSRFTOKEN') return new CsrfError();
  const fromBodyParser = httpError.type ? BODY_PARSER_ERRORS[httpError.type] : undefined;
  if (fromBodyParser) return fromBodyParser();
  const status = httpError.status ?? httpError.statusCode;
  if (status === 404) return new NotFoundError();
  if (status !== undefined && status >= 400 && status < 500) return new BadRequestError();
  return undefined;
}

/** JSON for the API and for clients that ask for it; HTML pages for browsers. */
export function wantsJson(req: Request): boolean {
  if (req.path.startsWith('/api/')) return true;
  const preferred = req.accepts(['html', 'json']);
  if (preferred === 'json') return true;
  const accept = req.get('accept') ?? '';
  return req.is('application/json') === 'application/json' && !accept.includes('text/html');
}

function sendProblem(req: Request, res: Response, error: AppError | undefined, status: number): void {
  const code = error?.code ?? 'INTERNAL';
  const fieldErrors = error instanceof ValidationError ? error.fieldErrors : [];
  res
    .status(status)
    .type('application/problem+json')
    .json({
      type: 'about:blank',
      title: req.t(`errors.${code}.title`),
      status,
      detail: req.t(`errors.${code}.detail`, error?.params ?? {}),
      code,
      requestId: String(req.id),
      ...(fieldErrors.length > 0 && {
        errors: fieldErrors.map((fieldError) => ({
          ...fieldError,
          message: req.t(`validation.${fieldError.code}`, fieldError.params ?? {}),
        })),
      }),
    });
}

function sendPage(req: Request, res: Response, error: AppError | undefined, status: number): void {
  const code = error?.code ?? 'INTERNAL';
  const fieldErrors = error instanceof ValidationError ? error.fieldErrors : [];
  const data = {
    title: req.t(`errors.${code}.title`),
    detail: req.t(`errors.${code}.detail`, error?.params ?? {}),
    status,
    requestId: String(req.id),
    fieldErrors: fieldErrors.map((fieldError) => ({
      field: fieldError.field,
      message: req.t(`validation.${fieldError.code}`, fieldError.params ?? {}),
    })),
  };
  res.status(status).render('errors/error', data, (renderError, html) => {
    if (renderError) {
      (req.log ?? console).error({ err: renderError }, 'error page failed to render');
      res.type('text/plain').send(`${data.title}
${data.detail}
`);
      return;
    }
    res.send(html);
  });
}

/** The one error handler: user mistakes get a translated 4xx; the rest a bare 500, fully logged. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  const fallbackTranslator = createTranslator();
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const appError = toAppError(error);
    const status = appError?.status ?? 500;
    const log = req.log ?? logger;
    if (status >= 500) log.error({ err: error }, 'request failed');
    if (status === 503) res.set('Retry-After', '5');
    else log.info({ code: appError?.code, status }, 'request refused');

    if (!req.t) {
      // The error happened before the language was chosen.
      const { language } = chooseLanguage({
        query: undefined,
        cookie: undefined,
        acceptLanguage: req.headers['accept-language'],
      });
      req.language = language;
      req.t = fallbackTranslator.forLanguage(language);
      res.locals['lang'] = language;
      res.locals['t'] = req.t;
      res.locals['languageLinks'] = [];
    }
    if (wantsJson(req)) sendProblem(req, res, appError, status);
    else sendPage(req, res, appError, status);
  };
}

export const notFound: RequestHandler = (_req, _res, next) => next(new NotFoundError());
