import type { Request, Response } from 'express';
import { translatorFor, type Language } from '../../shared/i18n/index.js';
import { documentLanguage, sendPdf, type ListLayout, type PdfRenderer } from '../documents/index.js';

/**
 * A list drawn as a PDF (the lists of speakers, the credentials report): in the language asked for
 * with `?lang=` (else the reader's), drawn in the worker pool, sent inline and never cached, since
 * the list changes as the meeting goes. `name` is the file's name before the language.
 */
export async function sendListPdf(
  req: Request,
  res: Response,
  renderer: PdfRenderer,
  name: string,
  layoutIn: (t: ReturnType<typeof translatorFor>, language: Language) => ListLayout | Promise<ListLayout>,
): Promise<void> {
  const language = documentLanguage(req);
  const layout = await layoutIn(translatorFor(language), language);
  sendPdf(res, await renderer.render({ kind: 'list', layout }), `${name}-${language}.pdf`, 'private');
}
