import { z } from 'zod';
import type { Actor } from '../../../shared/actor.js';
import type { Clock } from '../../../shared/clock.js';
import { NotFoundError, ServiceUnavailableError, ValidationError } from '../../../shared/errors.js';
import type { Language } from '../../../shared/i18n/index.js';
import { text } from '../../../shared/limits.js';
import { localized } from '../../../shared/trilingual.js';
import { recordChange } from '../../audit/index.js';
import type { EventView } from '../../events/index.js';
import type { PdfRenderer } from '../render/renderer.js';
import type { LetterSignatureBlock } from './letters.layout.js';
import { signatureImageFormat } from './signature-image.js';
import { LetterSignature, LetterSignatureImage } from './signature.model.js';

/** An event's signatory as the letters page shows it (the image by its size only). */
export interface LetterSignatureView {
  name: string;
  title: Partial<Record<Language, string>>;
  image: { contentType: string; width: number; height: number; uploadedAt: Date } | undefined;
}

export async function letterSignature(eventId: string): Promise<LetterSignatureView> {
  const [stored, image] = await Promise.all([
    LetterSignature.findById(eventId).lean(),
    LetterSignatureImage.findById(eventId, { content: 0 }).lean(),
  ]);
  return {
    name: stored?.name ?? '',
    title: titlesOf(stored?.title),
    image: image
      ? {
          contentType: image.contentType,
          width: image.width,
          height: image.height,
          uploadedAt: image.uploadedAt,
        }
      : undefined,
  };
}

type StoredTitles = { es?: string | null; pt?: string | null; en?: string | null } | null | undefined;

const titlesOf = (title: StoredTitles): Partial<Record<Language, string>> => ({
  ...(title?.es && { es: title.es }),
  ...(title?.pt && { pt: title.pt }),
  ...(title?.en && { en: title.en }),
});

/** The block printed under an event's letters in one language; none until a signatory is named. */
export async function signatureBlock(
  event: EventView,
  language: Language,
): Promise<LetterSignatureBlock | undefined> {
  const [stored, image] = await Promise.all([
    LetterSignature.findById(event.id).lean(),
    LetterSignatureImage.findById(event.id).lean(),
  ]);
  if (!stored?.name) return undefined;
  return {
    name: stored.name,
    title: localized(titlesOf(stored.title), language, event.languages),
    ...(image && { image: Buffer.from(image.content.buffer).toString('base64') }),
  };
}

/** The signature form's text fields (the image comes apart, as a file). */
export const signatureInput = z.strictObject({
  signatoryName: text('name').optional(),
  signatoryTitle_es: text('title').optional(),
  signatoryTitle_pt: text('title').optional(),
  signatoryTitle_en: text('title').optional(),
  removeSignatureImage: z.literal('yes').optional(),
});

export interface SignatureUpload {
  buffer: Buffer;
}

/**
 * Saves who signs an event's letters. A new image must be a PNG or JPEG by its content and one
 * that the PDF drawing accepts (tried once, off the request thread), so a broken file can never
 * stop the letters from printing. A signature needs a name; an image alone is refused.
 */
export async function saveLetterSignature(
  event: EventView,
  input: z.output<typeof signatureInput>,
  upload: SignatureUpload | undefined,
  deps: { actor: Actor; clock: Clock; renderer: PdfRenderer },
): Promise<void> {
  const image = upload && upload.buffer.length > 0 ? upload.buffer : undefined;
  const format = image ? signatureImageFormat(image) : undefined;
  if (image && (!format || !(await drawable(image, deps.renderer))))
    throw new ValidationError([{ field: 'signatureImage', code: 'not_image' }]);
  const keepsImage =
    Boolean(image) ||
    (input.removeSignatureImage !== 'yes' && Boolean(await LetterSignatureImage.exists({ _id: event.id })));
  if (keepsImage && !input.signatoryName)
    throw new ValidationError([{ field: 'signatoryName', code: 'signature_needs_name' }]);

  const now = deps.clock.now();
  await LetterSignature.replaceOne(
    { _id: event.id },
    {
      _id: event.id,
      ...(input.signatoryName && { name: input.signatoryName }),
      title: {
        ...(input.signatoryTitle_es && { es: input.signatoryTitle_es }),
        ...(input.signatoryTitle_pt && { pt: input.signatoryTitle_pt }),
        ...(input.signatoryTitle_en && { en: input.signatoryTitle_en }),
      },
      updatedAt: now,
      updatedBy: deps.actor.label,
    },
    { upsert: true },
  );
  if (image && format) {
    await LetterSignatureImage.replaceOne(
      { _id: event.id },
      { _id: event.id, content: image, ...format, uploadedAt: now },
      { upsert: true },
    );
  } else if (input.removeSignatureImage === 'yes') {
    await LetterSignatureImage.deleteOne({ _id: event.id });
  }
  await recordChange(
    { action: 'letters.signature.saved', subjectType: 'event', subjectId: event.id, actor: deps.actor },
    deps.clock,
  );
}

/** The stored image, for the team's preview on the letters page. */
export async function signatureImage(eventId: string): Promise<{ content: Buffer; contentType: string }> {
  const image = await LetterSignatureImage.findById(eventId).lean();
  if (!image) throw new NotFoundError();
  return { content: Buffer.from(image.content.buffer), contentType: image.contentType };
}

/** Whether pdfkit draws the image: one small letter with it, in a worker thread under the time limit. */
async function drawable(image: Buffer, renderer: PdfRenderer): Promise<boolean> {
  try {
    await renderer.render({
      kind: 'letters',
      layout: {
        language: 'es',
        title: 'signature',
        letterhead: { title: '', organizers: '' },
        letters: [{ body: '', verification: '' }],
        empty: '',
        signature: { name: '-', title: '', image: image.toString('base64') },
      },
    });
    return true;
  } catch (error) {
    // A full queue says nothing about the image: the organizer tries again.
    if (error instanceof ServiceUnavailableError) throw error;
    return false;
  }
}
