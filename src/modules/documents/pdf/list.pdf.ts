import { breakable, COLOURS, CONTENT_WIDTH, ensureRoom, newPdf, PAGE, pdfBytes, stampPages } from './kit.js';
import type { ListLayout } from './list.layout.js';

/** Groups under headings, one entry per line pair, kept on one page each; stamp and page numbers on every page. */
export async function renderListPdf(layout: ListLayout): Promise<Buffer> {
  const doc = newPdf({ title: layout.title, language: layout.language });
  doc.font('bold').fontSize(18).text(breakable(layout.title), { width: CONTENT_WIDTH });
  doc
    .font('regular')
    .fontSize(10.5)
    .fillColor(COLOURS.muted)
    .text(breakable(layout.subtitle), { width: CONTENT_WIDTH });
  doc.fillColor(COLOURS.text).moveDown(1);
  if (layout.groups.length === 0) doc.font('italic').fontSize(10).text(layout.empty);
  for (const group of layout.groups) {
    ensureRoom(doc, 60);
    doc
      .font('bold')
      .fontSize(12.5)
      .fillColor(COLOURS.accent)
      .text(breakable(group.heading), PAGE.margin, doc.y, {
        width: CONTENT_WIDTH,
      });
    doc.fillColor(COLOURS.text).moveDown(0.3);
    for (const entry of group.entries) {
      ensureRoom(doc, 30);
      doc
        .font('bold')
        .fontSize(9.5)
        .text(breakable(entry.name), PAGE.margin + 8, doc.y, { width: CONTENT_WIDTH - 8 });
      doc.font('regular').fontSize(8.5);
      if (entry.detail) doc.text(breakable(entry.detail), { width: CONTENT_WIDTH - 8 });
      if (entry.note) doc.fillColor(COLOURS.muted).text(breakable(entry.note), { width: CONTENT_WIDTH - 8 });
      doc.fillColor(COLOURS.text).moveDown(0.35);
    }
    doc.moveDown(0.6);
  }
  stampPages(doc, layout.stamp, (page, total) =>
    layout.pageOf.replace('{page}', String(page)).replace('{total}', String(total)),
  );
  return pdfBytes(doc);
}
