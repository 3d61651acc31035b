import {
  breakable,
  COLOURS,
  CONTENT_WIDTH,
  ensureRoom,
  newPdf,
  PAGE,
  pdfBytes,
  rule,
  writeInEdge,
} from '../pdf/kit.js';
import type { Pdf } from '../pdf/kit.js';
import type { LetterSignatureBlock, LettersLayout } from './letters.layout.js';

/** The signature's box: wide enough for a written name, as tall as two lines of a letterhead. */
const SIGNATURE = { width: 200, imageHeight: 60 } as const;

/** One letter per page under the event's letterhead, its signature block, its verification code at the foot. */
export async function renderLettersPdf(layout: LettersLayout): Promise<Buffer> {
  const doc = newPdf({ title: layout.title, language: layout.language });
  if (layout.letters.length === 0) doc.font('italic').fontSize(11).text(layout.empty);
  const image = layout.signature?.image ? Buffer.from(layout.signature.image, 'base64') : undefined;
  layout.letters.forEach((letter, i) => {
    if (i > 0) doc.addPage();
    doc
      .font('bold')
      .fontSize(13)
      .fillColor(COLOURS.accent)
      .text(breakable(layout.letterhead.title), { width: CONTENT_WIDTH });
    if (layout.letterhead.organizers) {
      doc
        .font('regular')
        .fontSize(9)
        .fillColor(COLOURS.muted)
        .text(breakable(layout.letterhead.organizers), { width: CONTENT_WIDTH });
    }
    rule(doc, { colour: COLOURS.accent, width: 0.7, gap: 6 });
    doc.moveDown(3).fillColor(COLOURS.text).font('regular').fontSize(11.5);
    for (const paragraph of letter.body.split(/\n{2,}/)) {
      doc.text(breakable(paragraph), PAGE.margin, doc.y, {
        width: CONTENT_WIDTH,
        align: 'justify',
        lineGap: 3,
      });
      doc.moveDown(1);
    }
    if (layout.signature) signatureBlock(doc, layout.signature, image);
    writeInEdge(doc, letter.verification, PAGE.height - PAGE.edge - 8, { align: 'center' });
  });
  return pdfBytes(doc);
}

/** The signature (if any), a line, and under it the signatory's name and title. */
function signatureBlock(doc: Pdf, signature: LetterSignatureBlock, image: Buffer | undefined): void {
  ensureRoom(doc, SIGNATURE.imageHeight + 70);
  doc.moveDown(2);
  const x = PAGE.margin;
  if (image) {
    const top = doc.y;
    doc.image(image, x, top, { fit: [SIGNATURE.width, SIGNATURE.imageHeight], valign: 'bottom' });
    doc.y = top + SIGNATURE.imageHeight + 4;
  } else {
    // Room to sign by hand.
    doc.y += SIGNATURE.imageHeight * 0.6;
  }
  doc
    .moveTo(x, doc.y)
    .lineTo(x + SIGNATURE.width, doc.y)
    .lineWidth(0.5)
    .strokeColor(COLOURS.muted)
    .stroke();
  doc.y += 4;
  doc.font('bold').fontSize(10.5).fillColor(COLOURS.text).text(breakable(signature.name), x, doc.y, {
    width: CONTENT_WIDTH,
  });
  if (signature.title) {
    doc.font('regular').fontSize(9.5).fillColor(COLOURS.muted).text(breakable(signature.title), x, doc.y, {
      width: CONTENT_WIDTH,
    });
  }
  doc.fillColor(COLOURS.text);
}
