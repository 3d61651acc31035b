import type { Actor } from '../../../shared/actor.js';
import { countryName } from '../../../shared/countries.js';
import type { Language } from '../../../shared/i18n/index.js';
import { recordChange } from '../../audit/index.js';
import { localized, teamToNotify, type EventView } from '../../events/index.js';
import type { MailDeps } from '../../invitations/index.js';
import { queueTemplatedMail } from '../../messaging/index.js';
import type { DelegationView } from '../../registrations/index.js';
import { CredentialsFile, CredentialsUpload } from './credentials.model.js';
import { checkedPdf } from './credentials.service.js';

export interface UploadView {
  delegationId: string;
  fileName: string;
  size: number;
  uploadedAt: Date;
}

type StoredUpload = { _id: unknown; fileName: string; size: number; uploadedAt: Date };

const toUpload = (d: StoredUpload): UploadView => ({
  delegationId: String(d._id),
  fileName: d.fileName,
  size: d.size,
  uploadedAt: d.uploadedAt,
});

/** The id under which a focal point's letter is kept, apart from the secretariat's own file. */
export const uploadFileId = (delegationId: string) => `${delegationId}:upload`;

export async function credentialsUploadOf(delegationId: string): Promise<UploadView | undefined> {
  const doc = await CredentialsUpload.findById(delegationId).lean();
  return doc ? toUpload(doc) : undefined;
}

export async function credentialsUploadsOf(eventId: string): Promise<Map<string, UploadView>> {
  const docs = await CredentialsUpload.find({ eventId }).lean();
  return new Map(docs.map((d) => [String(d._id), toUpload(d)]));
}

/**
 * A focal point sends their delegation's letter of credentials (a PDF) through the nomination
 * link. It waits beside the secretariat's record for organizers to check: the state's status does
 * not move until they record what they decide. A later upload replaces the earlier one. The team
 * members who asked for notices are told.
 */
export async function receiveCredentialsUpload(
  event: EventView,
  delegation: DelegationView,
  upload: { buffer: Buffer; originalname: string } | undefined,
  actor: Actor,
  deps: MailDeps,
): Promise<UploadView> {
  const file = checkedPdf(upload);
  const before = await credentialsUploadOf(delegation.id);
  const uploadedAt = deps.clock.now();
  await CredentialsFile.replaceOne(
    { _id: uploadFileId(delegation.id) },
    { _id: uploadFileId(delegation.id), content: file.buffer, fileName: file.fileName, uploadedAt },
    { upsert: true },
  );
  const view = { delegationId: delegation.id, fileName: file.fileName, size: file.buffer.length, uploadedAt };
  await CredentialsUpload.replaceOne(
    { _id: delegation.id },
    { _id: delegation.id, eventId: event.id, country: delegation.country, ...view },
    { upsert: true },
  );
  await recordChange(
    {
      action: 'credentials.uploaded',
      subjectType: 'credentials',
      subjectId: event.id,
      actor,
      changes: [{ field: `upload:${delegation.country}`, from: before?.fileName ?? null, to: file.fileName }],
    },
    deps.clock,
  );
  await tellTeam(event, delegation, view, deps);
  return view;
}

async function tellTeam(event: EventView, delegation: DelegationView, upload: UploadView, deps: MailDeps) {
  const fieldsIn = (language: Language) => ({
    event: localized(event.title, language, event.languages),
    country: countryName(delegation.country, language),
    title: upload.fileName,
    adminUrl: `${deps.settings.publicUrl}/admin/events/${event.id}/credentials#c-${delegation.country}`,
  });
  for (const { user, language } of await teamToNotify(event)) {
    await queueTemplatedMail(
      {
        eventId: event.id,
        key: 'credentials.received',
        language,
        fields: { ...fieldsIn(language), name: user.name },
        to: { name: user.name, email: user.email },
        dedupeKey: `credentials-upload:${delegation.id}:${upload.uploadedAt.getTime()}:${user.id}`,
        related: [
          { type: 'event', id: event.id },
          { type: 'delegation', id: delegation.id },
        ],
      },
      { clock: deps.clock, domain: deps.settings.domain },
    );
  }
}
