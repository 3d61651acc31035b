import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans, shipped by an npm package and embedded (subset) in every PDF: it covers Latin,
 * Greek and Cyrillic, so á, ñ, ç, ã and any name a delegation sends render as typed.
 */
const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
};
export type FontName = keyof typeof FONT_FILES;

/** A4 in points; text stays inside `margin`, the running header and footer inside `edge`. */
export const PAGE = { width: 595.28, height: 841.89, margin: 56, edge: 30 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

export const COLOURS = { text: '#1a1a1a', muted: '#555555', rule: '#b0b7c3', accent: '#1f4e79' } as const;

export type Pdf = PDFKit.PDFDocument;

export function newPdf(meta: { title: string; language: string; margin?: number }): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margin: meta.margin ?? PAGE.margin,
    bufferPages: true,
    lang: meta.language,
    displayTitle: true,
    info: { Title: meta.title, Author: 'Foro', Creator: 'Foro' },
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
  doc.font('regular').fillColor(COLOURS.text);
  return doc;
}

/** The finished file. */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.end();
  return done;
}

/**
 * Stored text is already limited in length, but one long run without spaces still makes pdfkit's
 * line breaker slow and may overflow a column: such runs get break opportunities every 40 characters.
 */
export function breakable(text: string): string {
  return text.replace(/\S{41,}/g, (run) => run.replace(/(\S{40})(?=\S)/g, '$1\u200b'));
}

/** Writes `text` at the page's foot or head without triggering pdfkit's automatic page break. */
export function writeInEdge(
  doc: Pdf,
  text: string,
  y: number,
  options: { align: 'left' | 'right' | 'center'; size?: number },
): void {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc
    .font('regular')
    .fontSize(options.size ?? 8)
    .fillColor(COLOURS.muted)
    .text(text, PAGE.margin, y, { width: CONTENT_WIDTH, align: options.align, lineBreak: false });
  doc.page.margins.bottom = bottom;
  doc.fillColor(COLOURS.text);
}

/** "Versión 3 – 2 de abril de 2008" left and "Página 4 de 12" right, on every page. */
export function stampPages(
  doc: Pdf,
  stamp: string,
  pageLabel: (page: number, total: number) => string,
): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = PAGE.height - PAGE.edge - 8;
    writeInEdge(doc, stamp, y, { align: 'left' });
    writeInEdge(doc, pageLabel(i + 1, range.count), y, { align: 'right' });
  }
}

/** A line across the text column, a little below the current position. */
export function rule(doc: Pdf, options: { colour?: string; width?: number; gap?: number } = {}): void {
  const y = doc.y + (options.gap ?? 2);
  doc
    .moveTo(PAGE.margin, y)
    .lineTo(PAGE.margin + CONTENT_WIDTH, y)
    .lineWidth(options.width ?? 0.5)
    .strokeColor(options.colour ?? COLOURS.rule)
    .stroke();
}

/** Starts a new page when fewer than `height` points are left on this one. */
export function ensureRoom(doc: Pdf, height: number): void {
  if (doc.y + height > PAGE.height - PAGE.margin) doc.addPage();
}
