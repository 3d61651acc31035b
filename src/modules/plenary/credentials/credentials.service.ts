import type { Actor } from '../../../shared/actor.js';
import type { Clock } from '../../../shared/clock.js';
import { NotFoundError, ValidationError } from '../../../shared/errors.js';
import { recordChange } from '../../audit/index.js';
import type { EventView } from '../../events/index.js';
import { delegationsOf, type DelegationView } from '../../registrations/index.js';
import {
  Credentials,
  CredentialsFile,
  CredentialsRules,
  type CredentialAuthority,
  type CredentialKind,
  type CredentialStatus,
} from './credentials.model.js';
import { credentialStatus, DEFAULT_RULES, type CredentialRules } from './credentials.status.js';

export interface CredentialsView {
  delegationId: string;
  country: string;
  authority: CredentialAuthority;
  kind: CredentialKind;
  receivedOn: string | undefined;
  recordedBy: string;
  recordedAt: Date;
  file: { fileName: string; size: number; uploadedAt: Date } | undefined;
}

/** One participating state with its delegation (if any), what was received, and its status. */
export interface CredentialsRow {
  country: string;
  delegation: DelegationView | undefined;
  record: CredentialsView | undefined;
  status: CredentialStatus;
}

type Stored = {
  _id: unknown;
  country: string;
  authority: string;
  kind: string;
  receivedOn?: string | null;
  recordedBy: string;
  recordedAt: Date;
  file?: { fileName?: string | null; size?: number | null; uploadedAt?: Date | null } | null;
};

const toView = (d: Stored): CredentialsView => ({
  delegationId: String(d._id),
  country: d.country,
  authority: d.authority as CredentialAuthority,
  kind: d.kind as CredentialKind,
  receivedOn: d.receivedOn ?? undefined,
  recordedBy: d.recordedBy,
  recordedAt: d.recordedAt,
  file: d.file?.fileName
    ? { fileName: d.file.fileName, size: d.file.size ?? 0, uploadedAt: d.file.uploadedAt ?? d.recordedAt }
    : undefined,
});

const change = (
  eventId: string,
  action: string,
  actor: Actor,
  clock: Clock,
  changes: { field: string; from: unknown; to: unknown }[],
) => recordChange({ action, subjectType: 'credentials', subjectId: eventId, actor, changes }, clock);

export async function credentialRules(eventId: string): Promise<CredentialRules> {
  const doc = await CredentialsRules.findById(eventId).lean();
  if (!doc) return DEFAULT_RULES;
  return {
    accredited: (doc.accredited ?? []) as CredentialKind[],
    provisional: (doc.provisional ?? []) as CredentialKind[],
    anyAuthority: doc.anyAuthority,
  };
}

export async function saveCredentialRules(
  event: EventView,
  rules: CredentialRules,
  actor: Actor,
  clock: Clock,
) {
  const before = await credentialRules(event.id);
  await CredentialsRules.replaceOne({ _id: event.id }, { _id: event.id, ...rules }, { upsert: true });
  await change(event.id, 'credentials.rules', actor, clock, [
    { field: 'accredited', from: before.accredited.join(', '), to: rules.accredited.join(', ') },
  ]);
}

/** Every participating state, by code, with its credentials and status under the event's rules. */
export async function credentialsOfEvent(event: EventView): Promise<CredentialsRow[]> {
  const [delegations, records, rules] = await Promise.all([
    delegationsOf(event.id),
    Credentials.find({ eventId: event.id }).lean(),
    credentialRules(event.id),
  ]);
  const views = records.map((r) => toView(r as Stored));
  return event.countries.map((country) => {
    const delegation = delegations.find((d) => d.country === country);
    const record = delegation && views.find((r) => r.delegationId === delegation.id);
    return { country, delegation, record, status: credentialStatus(record, rules) };
  });
}

/** The states' statuses by country, for the coverage dashboard. */
export async function credentialStatuses(event: EventView): Promise<Map<string, CredentialStatus>> {
  return new Map((await credentialsOfEvent(event)).map((row) => [row.country, row.status]));
}

export async function credentialsOf(delegationId: string): Promise<CredentialsView | undefined> {
  const doc = await Credentials.findById(delegationId).lean();
  return doc ? toView(doc as Stored) : undefined;
}

/** The secretariat records what it received for a delegation (the file, if any, stays). */
export async function recordCredentials(
  event: EventView,
  delegation: DelegationView,
  input: { authority: CredentialAuthority; kind: CredentialKind; receivedOn?: string | undefined },
  actor: Actor,
  clock: Clock,
): Promise<void> {
  const before = await credentialsOf(delegation.id);
  await Credentials.replaceOne(
    { _id: delegation.id },
    {
      _id: delegation.id,
      eventId: event.id,
      country: delegation.country,
      authority: input.authority,
      kind: input.kind,
      ...(input.receivedOn && { receivedOn: input.receivedOn }),
      recordedBy: actor.label,
      recordedAt: clock.now(),
      ...(before?.file && { file: before.file }),
    },
    { upsert: true },
  );
  await change(event.id, 'credentials.recorded', actor, clock, [
    { field: `kind:${delegation.country}`, from: before?.kind ?? null, to: input.kind },
  ]);
}

const PDF_MAGIC = Buffer.from('%PDF-');

/** A letter of credentials is a PDF, judged by its content, not its name; gives the name to keep. */
export function checkedPdf(
  file: { buffer: Buffer; originalname: string } | undefined,
  field = 'file',
): { buffer: Buffer; fileName: string } {
  if (!file || file.buffer.length === 0) throw new ValidationError([{ field, code: 'required' }]);
  if (!file.buffer.subarray(0, 5).equals(PDF_MAGIC) || !file.buffer.subarray(-1024).includes('%%EOF'))
    throw new ValidationError([{ field, code: 'not_pdf' }]);
  const fileName = file.originalname.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 120) || 'credenciales.pdf';
  return { buffer: file.buffer, fileName };
}

/** The letter as a PDF; the record must exist first. */
export async function saveCredentialsFile(
  event: EventView,
  delegation: DelegationView,
  upload: { buffer: Buffer; originalname: string } | undefined,
  actor: Actor,
  clock: Clock,
): Promise<void> {
  const file = checkedPdf(upload);
  const record = await credentialsOf(delegation.id);
  if (!record) throw new ValidationError([{ field: 'file', code: 'credentials_first' }]);
  const now = clock.now();
  const { fileName } = file;
  await CredentialsFile.replaceOne(
    { _id: delegation.id },
    { _id: delegation.id, content: file.buffer, fileName, uploadedAt: now },
    { upsert: true },
  );
  await Credentials.updateOne(
    { _id: delegation.id },
    { $set: { file: { fileName, size: file.buffer.length, uploadedAt: now } } },
  );
  await change(event.id, 'credentials.file', actor, clock, [
    { field: `file:${delegation.country}`, from: record.file?.fileName ?? null, to: fileName },
  ]);
}

/** A stored letter: the secretariat's (by delegation) or a focal point's upload (`<delegation>:upload`). */
export async function credentialsFile(delegationId: string) {
  const doc = await CredentialsFile.findById(delegationId).lean();
  if (!doc) throw new NotFoundError();
  return { content: Buffer.from(doc.content.buffer), fileName: doc.fileName };
}
