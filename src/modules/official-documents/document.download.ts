import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { FileView } from './document.views.js';
import { readBytes } from './file-store.js';
import { downloadName } from './symbol.js';

/**
 * Sends a stored file as it is read from the database, a piece at a time: with its size, its
 * language, and a file name made from the symbol that no symbol can break out of.
 */
export async function sendStoredFile(
  res: Response,
  file: FileView,
  symbol: string,
  cache: 'public' | 'private',
): Promise<void> {
  const name = downloadName(symbol, file.language, file.format);
  res
    .status(200)
    .type(file.contentType)
    .set('Content-Length', String(file.size))
    .set('Content-Language', file.language)
    .set('Content-Disposition', `attachment; filename="${name}"`)
    .set('Content-Security-Policy', "default-src 'none'; sandbox")
    .set('X-Content-Type-Options', 'nosniff')
    .set('ETag', `"${file.sha256}"`)
    .set('Cache-Control', cache === 'public' ? 'public, max-age=300' : 'private, no-store');
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  try {
    await pipeline(readBytes(file.id, file.chunks), res);
  } catch (error) {
    // The reader went away, or a piece could not be read: the download stops there.
    if (!res.headersSent) throw error;
    res.destroy(error as Error);
  }
}
