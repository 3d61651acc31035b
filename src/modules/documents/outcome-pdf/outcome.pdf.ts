import {
  breakable,
  COLOURS,
  CONTENT_WIDTH,
  ensureRoom,
  newPdf,
  PAGE,
  pdfBytes,
  stampPages,
} from '../pdf/kit.js';
import type { OutcomeLayout } from './outcome.layout.js';

const FONTS = { plain: 'regular', ins: 'bold', del: 'regular' } as const;

/**
 * A compilation or a comparison: each paragraph its label in bold, then its runs in one flow,
 * insertions bold and deletions struck through, so the marks survive printing in black and white.
 */
export async function renderOutcomePdf(layout: OutcomeLayout): Promise<Buffer> {
  const doc = newPdf({ title: layout.title, language: layout.language });
  doc.font('bold').fontSize(16).text(breakable(layout.title), { width: CONTENT_WIDTH });
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(COLOURS.muted)
    .text(breakable(layout.subtitle), { width: CONTENT_WIDTH });
  doc.fillColor(COLOURS.text).moveDown(1);
  if (layout.lines.length === 0) doc.font('italic').fontSize(10).text(layout.empty);
  for (const line of layout.lines) {
    ensureRoom(doc, 40);
    if (line.kind === 'section') {
      doc.moveDown(0.4).font('bold').fontSize(12).fillColor(COLOURS.accent);
      doc.text(breakable(line.runs.map((r) => r.text).join('')), PAGE.margin, doc.y, {
        width: CONTENT_WIDTH,
      });
      doc.fillColor(COLOURS.text).moveDown(0.3);
      continue;
    }
    const runs = [{ text: line.label ? `${line.label}  ` : '', style: 'ins' as const }, ...line.runs].filter(
      (r) => r.text,
    );
    doc.fontSize(10);
    runs.forEach((run, i) => {
      doc
        .font(FONTS[run.style])
        .text(breakable(run.text), i === 0 ? PAGE.margin : undefined, i === 0 ? doc.y : undefined, {
          width: CONTENT_WIDTH,
          continued: i < runs.length - 1,
          strike: run.style === 'del',
          align: 'left',
        });
    });
    doc.moveDown(0.6);
  }
  stampPages(doc, layout.stamp, (page, total) =>
    layout.pageOf.replace('{page}', String(page)).replace('{total}', String(total)),
  );
  return pdfBytes(doc);
}
