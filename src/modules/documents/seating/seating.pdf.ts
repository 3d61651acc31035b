import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import { breakable, COLOURS, pdfBytes, type Pdf } from '../pdf/kit.js';
import type { PlatesLayout, SeatingLayout } from './seating.layout.js';

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
/** A4 landscape, in points. */
const LANDSCAPE = { width: 841.89, height: 595.28, margin: 36 } as const;

function landscapePdf(title: string, language: string): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: LANDSCAPE.margin,
    bufferPages: true,
    lang: language,
    displayTitle: true,
    info: { Title: title, Author: 'Foro', Creator: 'Foro' },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  return doc;
}

/**
 * The plan as a diagram: the podium in front, then rows of boxes, one per place in protocol order
 * (read left to right, row after row), each with its name and its seats as small squares.
 */
export async function renderSeatingPdf(layout: SeatingLayout): Promise<Buffer> {
  const doc = landscapePdf(layout.title, layout.language);
  const { width, height, margin } = LANDSCAPE;
  const columns = 6;
  const gap = 8;
  const boxWidth = (width - 2 * margin - (columns - 1) * gap) / columns;
  const boxHeight = 58;
  const header = () => {
    doc
      .font('bold')
      .fontSize(16)
      .fillColor(COLOURS.text)
      .text(breakable(layout.title), margin, margin, { width: width - 2 * margin });
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(COLOURS.muted)
      .text(breakable(layout.subtitle), { width: width - 2 * margin });
    const y = doc.y + 6;
    doc.rect(width / 2 - 110, y, 220, 22).fillAndStroke('#e8eef5', COLOURS.accent);
    doc
      .fillColor(COLOURS.accent)
      .font('bold')
      .fontSize(10)
      .text(layout.front, width / 2 - 110, y + 6, { width: 220, align: 'center' });
    return y + 34;
  };
  let top = header();
  layout.places.forEach((place, i) => {
    const column = i % columns;
    if (column === 0 && i > 0) top += boxHeight + gap;
    if (top + boxHeight > height - margin - 14) {
      doc.addPage();
      top = header();
    }
    const x = margin + column * (boxWidth + gap);
    doc.rect(x, top, boxWidth, boxHeight).lineWidth(0.8).strokeColor(COLOURS.rule).stroke();
    doc
      .fillColor(COLOURS.text)
      .font('bold')
      .fontSize(8.5)
      .text(`${i + 1}. ${breakable(place.label)}`, x + 4, top + 4, {
        width: boxWidth - 8,
        height: 30,
        ellipsis: true,
      });
    for (let s = 0; s < place.seats; s++) {
      const sx = x + 4 + (s % 10) * 10;
      const sy = top + boxHeight - 16 - Math.floor(s / 10) * 10;
      doc.rect(sx, sy, 7, 7).fillAndStroke(s === 0 ? COLOURS.accent : '#ffffff', COLOURS.accent);
    }
  });
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor(COLOURS.muted)
      .text(layout.stamp, margin, height - margin + 8, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  return pdfBytes(doc);
}

/** The largest size at which `name` fits in the box on at most two lines. */
function fittingSize(doc: Pdf, name: string, boxWidth: number, boxHeight: number): number {
  for (let size = 96; size > 18; size -= 4) {
    doc.font('bold').fontSize(size);
    if (doc.heightOfString(name, { width: boxWidth, align: 'center' }) <= boxHeight) return size;
  }
  return 18;
}

/**
 * Name plates: each A4 landscape page is folded along its middle into a tent; the lower half is
 * the face towards the room, the upper half (drawn upside down) the face towards the delegation.
 */
export async function renderPlatesPdf(layout: PlatesLayout): Promise<Buffer> {
  const doc = landscapePdf(layout.title, layout.language);
  const { width, height } = LANDSCAPE;
  const half = height / 2;
  const pad = 40;
  layout.names.forEach((raw, i) => {
    if (i > 0) doc.addPage();
    const name = breakable(raw);
    const size = fittingSize(doc, name, width - 2 * pad, half - 2 * pad);
    doc.font('bold').fontSize(size).fillColor(COLOURS.text);
    const textHeight = doc.heightOfString(name, { width: width - 2 * pad, align: 'center' });
    const y = half + (half - textHeight) / 2;
    doc.text(name, pad, y, { width: width - 2 * pad, align: 'center', lineBreak: true });
    doc.save();
    doc.rotate(180, { origin: [width / 2, half / 2] });
    doc.text(name, pad, (half - textHeight) / 2, {
      width: width - 2 * pad,
      align: 'center',
      lineBreak: true,
    });
    doc.restore();
    doc
      .moveTo(20, half)
      .lineTo(width - 20, half)
      .dash(4, { space: 4 })
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke()
      .undash();
  });
  return pdfBytes(doc);
}
