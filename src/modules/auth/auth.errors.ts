import { AppError } from '../../shared/errors.js';

/** The same answer for an unknown email and a wrong password. */
export class InvalidCredentialsError extends AppError {
  readonly status = 401;
  readonly code = 'INVALID_CREDENTIALS';
}

export class AccountDisabledError extends AppError {
  readonly status = 403;
  readonly code = 'ACCOUNT_DISABLED';
}
