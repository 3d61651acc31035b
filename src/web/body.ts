import express, { type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import {
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
  type FieldError,
} from '../shared/errors.js';
import { LIMITS } from '../shared/limits.js';

/**
 * Body parsers with the limits of DESIGN.md §6. Forms are parsed flat (`extended: false`),
 * so `name[$gt]=x` arrives as a literal key that strict schemas refuse.
 */
export function bodyParsers(): RequestHandler[] {
  return [
    express.json({ limit: LIMITS.jsonBodyBytes, strict: true }),
    express.urlencoded({ extended: false, limit: LIMITS.formBodyBytes, parameterLimit: 1000 }),
    rejectOperatorKeys,
  ];
}

const MAX_DEPTH = 32;

function findOperatorKeys(value: unknown, path: string, found: FieldError[], depth = 0): void {
  if (found.length >= 20) return;
  if (depth > MAX_DEPTH) {
    found.push({ field: path, code: 'invalid' });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      findOperatorKeys(item, `${path}${path ? '.' : ''}${index}`, found, depth + 1),
    );
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      // Flat forms keep `email[$gt]` as a literal key: refused too, so it is never just ignored.
      if (key.startsWith('$') || key.includes('.') || key.includes('[$'))
        found.push({ field: childPath, code: 'operator_not_allowed' });
      else findOperatorKeys(child, childPath, found, depth + 1);
    }
  }
}

/**
 * Defence in depth against query injection: no key in a body or query string may look
 * like a MongoDB operator or a dotted path, whatever the route's schema says.
 */
const rejectOperatorKeys: RequestHandler = (req, _res, next) => {
  const found: FieldError[] = [];
  findOperatorKeys(req.body, '', found);
  findOperatorKeys(req.query, '', found);
  if (found.length > 0) return next(new ValidationError(found));
  next();
};

/** One uploaded file held in memory, within the upload limit (a larger one is a 413). */
export function singleUpload(field: string): RequestHandler {
  return multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: LIMITS.uploadBytes, files: 1, fields: 5 },
  }).single(field);
}

/**
 * Reads a form with one file (multipart) inside a route, so that a file over `maxBytes` becomes
 * a field error the form shows again (422), not an error page; the text fields land in `req.body`.
 */
export async function readFileForm(
  req: Request,
  res: Response,
  field: string,
  maxBytes: number,
): Promise<Express.Multer.File | undefined> {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: LIMITS.formBodyBytes },
  }).single(field);
  try {
    await new Promise<void>((resolve, reject) =>
      upload(req, res, (error?: unknown) => (error ? reject(error as Error) : resolve())),
    );
  } catch (error) {
    if ((error as { code?: string }).code !== 'LIMIT_FILE_SIZE') throw error;
    const megabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
    throw new ValidationError([{ field, code: 'file_too_large', params: { max: `${megabytes} MB` } }]);
  }
  return req.file;
}

/** Bytes read past the limit, at most, so the client can read the 413 (a larger body is cut off). */
const DRAINED_PAST_LIMIT = 8 * 1024 * 1024;

/**
 * A request's body as it came (a file sent as the body), up to `maxBytes`: a larger one is a 413,
 * its bytes past the limit read and dropped (a few MB at most) so the answer reaches the client.
 */
export async function readRawBody(req: Request, maxBytes: number): Promise<Buffer> {
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding !== 'identity') throw new UnsupportedMediaTypeError();
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) parts.push(chunk);
    else if (size > maxBytes + DRAINED_PAST_LIMIT) {
      req.destroy();
      break;
    }
  }
  if (size > maxBytes) throw new PayloadTooLargeError();
  return Buffer.concat(parts);
}
