import mongoose, { Schema } from 'mongoose';

export const CREDENTIAL_AUTHORITIES = ['head_of_state_or_government', 'foreign_minister', 'other'] as const;
export type CredentialAuthority = (typeof CREDENTIAL_AUTHORITIES)[number];
export const CREDENTIAL_KINDS = ['original', 'copy', 'note_verbale', 'none'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];
export const CREDENTIAL_STATUSES = ['accredited', 'provisional', 'not_accredited'] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

/** A delegation's letter of credentials as the secretariat recorded it: `_id` is the delegation's. */
const credentialsSchema = new Schema({
  _id: { type: String },
  eventId: { type: String, required: true },
  country: { type: String, required: true, maxlength: 2 },
  authority: { type: String, required: true, enum: CREDENTIAL_AUTHORITIES },
  kind: { type: String, required: true, enum: CREDENTIAL_KINDS },
  receivedOn: { type: String },
  recordedBy: { type: String, required: true },
  recordedAt: { type: Date, required: true },
  file: { fileName: String, size: Number, uploadedAt: Date },
});
credentialsSchema.index({ eventId: 1 });

export const Credentials = mongoose.model('Credentials', credentialsSchema, 'credentials');

/** The letter itself (PDF), kept in the database so every Foro process serves it. */
const fileSchema = new Schema({
  _id: { type: String },
  content: { type: Buffer, required: true },
  fileName: { type: String, required: true },
  uploadedAt: { type: Date, required: true },
});

export const CredentialsFile = mongoose.model('CredentialsFile', fileSchema, 'credentials_files');

/** Which kinds of letter accredit a state and which accredit it provisionally, per event. */
const rulesSchema = new Schema({
  _id: { type: String },
  accredited: [{ type: String, enum: CREDENTIAL_KINDS }],
  provisional: [{ type: String, enum: CREDENTIAL_KINDS }],
  /** Whether an original from another authority than the head of state or government or the foreign minister still accredits. */
  anyAuthority: { type: Boolean, required: true, default: false },
});

export const CredentialsRules = mongoose.model('CredentialsRules', rulesSchema, 'credentials_rules');

/**
 * A letter a focal point sent through the nomination link, waiting for the secretariat to check
 * it: `_id` is the delegation's. Kept beside the secretariat's record, so the state's status moves
 * only when organizers record what they decided; the bytes are a `CredentialsFile` of id
 * `<delegation>:upload`.
 */
const uploadSchema = new Schema({
  _id: { type: String },
  eventId: { type: String, required: true },
  country: { type: String, required: true, maxlength: 2 },
  fileName: { type: String, required: true },
  size: { type: Number, required: true },
  uploadedAt: { type: Date, required: true },
});
uploadSchema.index({ eventId: 1 });

export const CredentialsUpload = mongoose.model('CredentialsUpload', uploadSchema, 'credentials_uploads');
