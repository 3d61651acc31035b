import type { z } from 'zod';
import { type FieldError, ValidationError } from './errors.js';

/**
 * Parses input with a (strict) zod schema; on failure throws one ValidationError
 * listing every bad field with a translation key, never the raw zod text.
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues.flatMap(toFieldErrors));
}

function toFieldErrors(issue: z.core.$ZodIssue): FieldError[] {
  const field = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ field: field ? `${field}.${key}` : key, code: 'unknown_field' }));
    case 'too_big':
      return [
        {
          field,
          code: issue.origin === 'string' ? 'too_long' : 'too_big',
          params: { max: Number(issue.maximum) },
        },
      ];
    case 'too_small':
      // An empty text, or no box ticked where one must be: the field was left out.
      if ((issue.origin === 'string' || issue.origin === 'array') && Number(issue.minimum) === 1)
        return [{ field, code: 'required' }];
      return [
        {
          field,
          code: issue.origin === 'string' ? 'too_short' : 'too_small',
          params: { min: Number(issue.minimum) },
        },
      ];
    case 'invalid_type':
      return [{ field, code: issue.input === undefined ? 'required' : 'invalid_type' }];
    case 'invalid_format':
      return [{ field, code: issue.format === 'email' ? 'invalid_email' : 'invalid_format' }];
    case 'invalid_value':
      return [{ field, code: 'invalid_choice' }];
    case 'custom':
      return [{ field, code: /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid' }];
    default:
      return [{ field, code: 'invalid' }];
  }
}
