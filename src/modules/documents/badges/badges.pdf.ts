import QRCode from 'qrcode';
import { breakable, COLOURS, newPdf, PAGE, pdfBytes, type Pdf } from '../pdf/kit.js';
import type { BadgesLayout } from './badges.layout.js';

const SHEET_MARGIN = 36;
const COLUMNS = 2;
const ROWS = 4;
const GAP = 12;
const WIDTH = (PAGE.width - 2 * SHEET_MARGIN - GAP * (COLUMNS - 1)) / COLUMNS;
const HEIGHT = (PAGE.height - 2 * SHEET_MARGIN - GAP * (ROWS - 1)) / ROWS;
const BAND = 26;
const PAD = 10;
const QR_SIZE = 72;

/** The QR code as vector squares (sharp at any print size, decodable from the page). */
function qr(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column))
        doc.rect(x + (column + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill('#000000');
}

function badge(
  doc: Pdf,
  layout: BadgesLayout,
  item: BadgesLayout['badges'][number],
  x: number,
  y: number,
): void {
  doc
    .save()
    .lineWidth(0.5)
    .dash(3, { space: 3 })
    .strokeColor(COLOURS.rule)
    .rect(x, y, WIDTH, HEIGHT)
    .stroke()
    .restore();
  doc.rect(x, y, WIDTH, BAND).fill(item.colour);
  doc
    .font('bold')
    .fontSize(10)
    .fillColor('#ffffff')
    .text(item.category.toUpperCase(), x + PAD, y + 8, {
      width: WIDTH - 2 * PAD,
      height: 14,
      ellipsis: true,
      lineBreak: false,
    });
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(COLOURS.muted)
    .text(`${layout.eventTitle} · ${layout.dates}`, x + PAD, y + BAND + 6, {
      width: WIDTH - 2 * PAD,
      height: 20,
      ellipsis: true,
    });
  const textWidth = WIDTH - 2 * PAD - QR_SIZE - 6;
  // Long names shrink before they are cut: the name is what the door reads.
  const name = breakable(item.name);
  doc.font('bold');
  const size =
    [15, 13, 11, 9.5].find((s) => doc.fontSize(s).heightOfString(name, { width: textWidth }) <= 58) ?? 9.5;
  doc
    .fontSize(size)
    .fillColor(COLOURS.text)
    .text(name, x + PAD, y + BAND + 30, { width: textWidth, height: 58, ellipsis: true });
  doc
    .font('regular')
    .fontSize(9.5)
    .text(breakable(item.organization), x + PAD, doc.y + 4, { width: textWidth, height: 36, ellipsis: true });
  doc
    .font('bold')
    .fontSize(9.5)
    .text(item.country, x + PAD, doc.y + 2, { width: textWidth, height: 14, ellipsis: true });
  const qrX = x + WIDTH - PAD - QR_SIZE;
  const qrY = y + HEIGHT - PAD - QR_SIZE - 10;
  qr(doc, item.code, qrX, qrY, QR_SIZE);
  doc
    .font('regular')
    .fontSize(7)
    .fillColor(COLOURS.text)
    .text(item.code, qrX - 10, qrY + QR_SIZE + 1, { width: QR_SIZE + 20, align: 'center', lineBreak: false });
}

/** Badges, eight to an A4 sheet with cut lines; each carries its code as text and as a QR code. */
export async function renderBadgesPdf(layout: BadgesLayout): Promise<Buffer> {
  const doc = newPdf({ title: layout.title, language: layout.language, margin: SHEET_MARGIN });
  const perPage = COLUMNS * ROWS;
  layout.badges.forEach((item, i) => {
    if (i > 0 && i % perPage === 0) doc.addPage();
    const slot = i % perPage;
    const x = SHEET_MARGIN + (slot % COLUMNS) * (WIDTH + GAP);
    const y = SHEET_MARGIN + Math.floor(slot / COLUMNS) * (HEIGHT + GAP);
    // Drawing near the bottom must not start a new page on its own.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    badge(doc, layout, item, x, y);
    doc.page.margins.bottom = bottom;
  });
  if (layout.badges.length === 0) doc.font('italic').fontSize(11).text(layout.title);
  return pdfBytes(doc);
}
