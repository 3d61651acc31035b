import { z } from 'zod';
import { email, objectId, requiredText } from '../../shared/limits.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './password.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { ROLES } from './user.model.js';

const password = z.string().min(1).max(PASSWORD_MAX);
const newPassword = z
  .string()
  .min(PASSWORD_MIN)
  .max(PASSWORD_MAX)
  .refine((value) => value.isWellFormed(), { message: 'invalid_characters' });

/** A local path to go back to after signing in; anything else (other hosts, `//x`) is dropped. */
export const returnTo = z
  .string()
  .max(2000)
  .optional()
  .transform((value) => (value && /^\/(?![/\\])/.test(value) ? value : undefined));

export const loginInput = z.strictObject({ email: email(), password, returnTo });

export const newPasswordInput = z
  .strictObject({ password: newPassword, confirm: z.string().max(PASSWORD_MAX) })
  .refine((value) => value.password === value.confirm, { message: 'passwords_differ', path: ['confirm'] });

export const changePasswordInput = z
  .strictObject({ current: password, password: newPassword, confirm: z.string().max(PASSWORD_MAX) })
  .refine((value) => value.password === value.confirm, { message: 'passwords_differ', path: ['confirm'] });

/** The language of an account's mails; empty (or null) leaves it to each event's first language. */
const mailLanguage = z
  .union([z.enum(LANGUAGES), z.literal('').transform(() => null), z.null()])
  .describe('The language of the mails Foro sends the account; empty or null: each event’s first');

export const inviteUserInput = z.strictObject({
  email: email(),
  name: requiredText('name'),
  role: z.enum(ROLES),
  language: mailLanguage.optional(),
});

export const updateUserInput = z.strictObject({
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  language: mailLanguage.optional(),
});

/** The signed-in user's own choice of the language of the mails Foro sends them. */
export const ownLanguageInput = z.strictObject({ language: mailLanguage });

export const createTokenInput = z.strictObject({ name: requiredText('name'), userId: objectId() });
