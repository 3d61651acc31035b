import { breakable, COLOURS, CONTENT_WIDTH, newPdf, PAGE, pdfBytes, rule, writeInEdge } from '../pdf/kit.js';
import type { LettersLayout } from './letters.layout.js';

/** One letter per page under the event's letterhead, its verification code at the foot. */
export async function renderLettersPdf(layout: LettersLayout): Promise<Buffer> {
  const doc = newPdf({ title: layout.title, language: layout.language });
  if (layout.letters.length === 0) doc.font('italic').fontSize(11).text(layout.empty);
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
    writeInEdge(doc, letter.verification, PAGE.height - PAGE.edge - 8, { align: 'center' });
  });
  return pdfBytes(doc);
}
