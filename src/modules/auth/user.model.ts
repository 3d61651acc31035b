import mongoose, { Schema } from 'mongoose';
import { LANGUAGES, type Language } from '../../shared/i18n/index.js';
import { LIMITS } from '../../shared/limits.js';

export const ROLES = ['admin', 'organizer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** An organizer's account. The password hash never leaves this module. */
const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, maxlength: LIMITS.email },
    name: { type: String, required: true, maxlength: LIMITS.name },
    role: { type: String, required: true, enum: ROLES },
    status: { type: String, required: true, enum: USER_STATUSES },
    passwordHash: { type: String },
    /** Bumped when the password changes or the account is disabled: older sessions end. */
    authVersion: { type: Number, required: true, default: 0 },
    lastLoginAt: { type: Date },
    /** The language of the mails Foro sends the account (notifications); unset: the event's first. */
    language: { type: String, enum: LANGUAGES },
  },
  { timestamps: true },
);

export type UserFields = mongoose.InferSchemaType<typeof userSchema>;
export const User = mongoose.model('User', userSchema);

/** What the rest of Foro may know about a user. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  lastLoginAt: Date | undefined;
  language: Language | undefined;
}

export function toUserView(user: UserFields & { _id: unknown }): UserView {
  return {
    id: String(user._id),
    email: user.email,
    name: user.name,
    role: user.role as Role,
    status: user.status as UserStatus,
    lastLoginAt: user.lastLoginAt ?? undefined,
    language: (user.language ?? undefined) as Language | undefined,
  };
}
