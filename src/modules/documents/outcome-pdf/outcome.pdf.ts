import {
  breakable,
  COLOURS,
  CONTENT_WIDTH,
  ensureRoom,
  newPdf,
  PAGE,
  pdfBytes,
  stampPages,
  type Pdf,
} from '../pdf/kit.js';
import type { OutcomeLayout } from './outcome.layout.js';

type Line = OutcomeLayout['lines'][number];
type Piece = {
  text: string;
  font: 'regular' | 'bold' | 'italic';
  strike?: boolean;
  underline?: boolean;
  colour: string;
};

/** A line's pieces in one flow: label in bold, insertions bold, deletions struck through, the note in italics. */
function piecesOf(line: Line, heading: boolean): Piece[] {
  const base = heading ? 'bold' : 'regular';
  const colour = heading ? COLOURS.accent : COLOURS.text;
  const note = line.note && { text: line.note.text, font: 'italic' as const, colour: COLOURS.muted };
  const runs: Piece[] = line.runs.map((run) => ({
    text: run.text,
    font: run.style === 'ins' ? 'bold' : base,
    strike: run.style === 'del',
    // In a heading, already bold, an insertion is underlined as well.
    underline: heading && run.style === 'ins',
    colour,
  }));
  return [
    ...(line.label ? [{ text: `${line.label}  `, font: 'bold' as const, colour }] : []),
    ...(note && line.note?.at === 'start' ? [{ ...note, text: `${note.text} ` }] : []),
    ...runs,
    ...(note && line.note?.at === 'end' ? [{ ...note, text: ` ${note.text}` }] : []),
  ].filter((piece) => piece.text);
}

function flow(doc: Pdf, pieces: Piece[]) {
  pieces.forEach((piece, i) => {
    const options = {
      width: CONTENT_WIDTH,
      continued: i < pieces.length - 1,
      strike: piece.strike ?? false,
      underline: piece.underline ?? false,
      align: 'left' as const,
    };
    doc.font(piece.font).fillColor(piece.colour);
    // A continued piece takes no position: pdfkit reads `text(s, undefined, undefined, options)`
    // as `text(s, {})` and drops the options, which ends the flow and loses the strike-through.
    if (i === 0) doc.text(breakable(piece.text), PAGE.margin, doc.y, options);
    else doc.text(breakable(piece.text), options);
  });
  doc.fillColor(COLOURS.text);
}

/**
 * A compilation, a comparison or the text in one language: each paragraph its label in bold,
 * then its runs in one flow, insertions bold and deletions struck through, so the marks survive
 * printing in black and white.
 */
export async function renderOutcomePdf(layout: OutcomeLayout): Promise<Buffer> {
  const doc = newPdf({ title: layout.title, language: layout.language });
  doc.font('bold').fontSize(16).text(breakable(layout.title), { width: CONTENT_WIDTH });
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(COLOURS.muted)
    .text(breakable(layout.subtitle), { width: CONTENT_WIDTH });
  if (layout.legend) doc.font('italic').fontSize(9).text(breakable(layout.legend), { width: CONTENT_WIDTH });
  doc.fillColor(COLOURS.text).moveDown(1);
  if (layout.notice) {
    doc.font('bold').fontSize(10).text(breakable(layout.notice.heading), { width: CONTENT_WIDTH });
    doc.font('regular').fontSize(10);
    for (const item of layout.notice.items)
      doc.text(breakable(`• ${item}`), PAGE.margin + 10, doc.y, { width: CONTENT_WIDTH - 10 });
    doc.moveDown(1);
  }
  if (layout.lines.length === 0) doc.font('italic').fontSize(10).text(layout.empty);
  for (const line of layout.lines) {
    ensureRoom(doc, 40);
    if (line.kind === 'section') {
      doc.moveDown(0.4).fontSize(12);
      flow(doc, piecesOf(line, true));
      doc.moveDown(0.3);
      continue;
    }
    doc.fontSize(10);
    flow(doc, piecesOf(line, false));
    doc.moveDown(0.6);
  }
  stampPages(doc, layout.stamp, (page, total) =>
    layout.pageOf.replace('{page}', String(page)).replace('{total}', String(total)),
  );
  return pdfBytes(doc);
}
