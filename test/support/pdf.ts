import { createCanvas } from '@napi-rs/canvas';
import jsQRModule from 'jsqr';
import { expect } from 'chai';
import type request from 'supertest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// jsqr is CommonJS whose typings describe an ES default export; at run time the module is the function.
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ??
  jsQRModule) as typeof jsQRModule.default;

/** One run of text as pdf.js (an independent reader) finds it, in points from the page's top left. */
export interface PdfTextItem {
  text: string;
  page: number;
  x: number;
  top: number;
  width: number;
  height: number;
}

export interface PdfContent {
  pages: { width: number; height: number; text: string }[];
  items: PdfTextItem[];
  /** All pages' text, one line per run. */
  text: string;
}

async function open(pdf: Buffer) {
  return getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
}

/** Reads a PDF back as text with positions, page by page. */
export async function readPdf(pdf: Buffer): Promise<PdfContent> {
  const document = await open(pdf);
  const pages: PdfContent['pages'] = [];
  const items: PdfTextItem[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const lines: string[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , , x, baseline] = item.transform as number[];
      items.push({
        text: item.str,
        page: n,
        x: x!,
        top: viewport.height - baseline! - item.height,
        width: item.width,
        height: item.height,
      });
      lines.push(item.str);
    }
    pages.push({ width: viewport.width, height: viewport.height, text: lines.join('\n') });
  }
  await document.destroy();
  return { pages, items, text: pages.map((p) => p.text).join('\n') };
}

/** One page drawn as pixels by pdf.js. */
async function drawPage(pdf: Buffer, pageNumber: number, scale: number) {
  const document = await open(pdf);
  const page = await document.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
  await document.destroy();
  return { canvas, context };
}

/** Draws a page and decodes every QR code on it (scanning a grid of tiles, as a camera would). */
export async function qrCodesOnPage(
  pdf: Buffer,
  pageNumber: number,
  tiles: { columns: number; rows: number },
): Promise<string[]> {
  const { canvas, context } = await drawPage(pdf, pageNumber, 2);
  const found: string[] = [];
  const tileWidth = Math.floor(canvas.width / tiles.columns);
  const tileHeight = Math.floor(canvas.height / tiles.rows);
  for (let row = 0; row < tiles.rows; row++) {
    for (let column = 0; column < tiles.columns; column++) {
      const image = context.getImageData(column * tileWidth, row * tileHeight, tileWidth, tileHeight);
      const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
      if (code) found.push(code.data);
    }
  }
  return found;
}

/** A page as PNG, to look at while writing a layout. */
export async function pageAsPng(pdf: Buffer, pageNumber: number): Promise<Buffer> {
  const { canvas } = await drawPage(pdf, pageNumber, 1.5);
  return canvas.encode('png');
}

/** A supertest parser that keeps a binary body (PDFs) as a Buffer: `.buffer(true).parse(binaryBody)`. */
export function binaryBody(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** How far from every side of the page text must stay (Foro's running header and footer sit inside it). */
const EDGE = 30;

/** Every run of text lies inside the page, at least EDGE points from each side. */
export function expectInsideMargins(content: PdfContent) {
  const outside = content.items.filter((item) => {
    const page = content.pages[item.page - 1]!;
    return (
      item.x < EDGE - 0.5 ||
      item.x + item.width > page.width - EDGE + 0.5 ||
      item.top < EDGE - 0.5 ||
      item.top + item.height > page.height - EDGE + 0.5
    );
  });
  expect(outside.map((i) => `${i.text} @p${i.page} (${Math.round(i.x)},${Math.round(i.top)})`)).to.deep.equal(
    [],
  );
}
