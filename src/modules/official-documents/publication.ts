import { createHash } from 'node:crypto';
import type { Actor } from '../../shared/actor.js';
import { ConflictError } from '../../shared/errors.js';
import { LANGUAGES, translatorFor } from '../../shared/i18n/index.js';
import type { Trilingual } from '../../shared/trilingual.js';
import { localized, type EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import { sendAnnouncement } from '../notices/index.js';
import { recordChange } from '../audit/index.js';
import type { DocumentView } from './document.views.js';
import { DocumentPublication } from './document.model.js';
import { insertUnlessTaken } from '../../db/duplicate-key.js';
import { symbolPath } from './symbol.js';

/**
 * What one publication of a document is: its state and its languages. A new language version
 * or a move from advance to final is a new publication; anything else is the same one.
 */
export function publicationOf(document: DocumentView): string {
  return `${document.status}:${[...document.languages].sort().join(',')}`;
}

/** A UUID made from a text, so the same publication to the same group is one announcement. */
function uuidOf(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function noticeText(event: EventView, document: DocumentView, publicUrl: string) {
  const subject: Trilingual = {};
  const message: Trilingual = {};
  for (const language of LANGUAGES) {
    const t = translatorFor(language);
    const where =
      document.audience === 'public'
        ? `${publicUrl}/events/${event.slug}/documents?q=${encodeURIComponent(document.symbol)}`
        : t('officialDocuments.notice.privateLink');
    subject[language] = t('officialDocuments.notice.subject', { symbol: document.symbol });
    message[language] = [
      t('officialDocuments.notice.body', {
        symbol: document.symbol,
        title: localized(document.title, language, event.languages),
        status: t(`officialDocuments.statuses.${document.status}`).toLowerCase(),
      }),
      t('officialDocuments.notice.languages', {
        languages: document.languages.map((l) => t(`language.${l}`)).join(', ') || '—',
      }),
      ...(document.audience === 'public'
        ? document.languages.map(
            (l) => `${publicUrl}/events/${event.slug}/documents/${symbolPath(document.symbol)}/${l}`,
          )
        : []),
      where,
    ].join('\n\n');
  }
  return { subject, message };
}

/**
 * Tells a group that a document is out, through the announcements (one mail per person, in their
 * language, through the outbox). Each publication reaches a group once: asking again for the
 * same state and languages is refused.
 */
export async function announceDocument(
  event: EventView,
  document: DocumentView,
  group: string,
  actor: Actor,
  deps: MailDeps,
): Promise<{ batchId: string; queued: number }> {
  if (document.audience === 'team') throw new ConflictError('DOCUMENT_NOT_PUBLISHED');
  const { subject, message } = noticeText(event, document, deps.settings.publicUrl);
  const draftKey = uuidOf(`document:${document.id}:${publicationOf(document)}:${group}`);
  // The exclusive decision: one record per publication and group, against its unique id.
  const claimed = await insertUnlessTaken(DocumentPublication, {
    _id: draftKey,
    eventId: event.id,
    documentId: document.id,
    group,
    createdAt: deps.clock.now(),
  });
  if (!claimed) throw new ConflictError('DOCUMENT_ALREADY_ANNOUNCED');
  let outcome;
  try {
    outcome = await sendAnnouncement(
      event,
      { draftKey, group, subject, message, action: 'send' },
      actor,
      deps,
    );
  } catch (error) {
    await DocumentPublication.deleteOne({ _id: draftKey });
    throw error;
  }
  await DocumentPublication.updateOne({ _id: draftKey }, { $set: { batchId: outcome.batchId } });
  await recordChange(
    {
      action: 'document.announced',
      subjectType: 'document',
      subjectId: document.id,
      actor,
      changes: [
        { field: 'symbol', from: undefined, to: document.symbol },
        { field: 'group', from: undefined, to: group },
      ],
    },
    deps.clock,
  );
  return outcome;
}
