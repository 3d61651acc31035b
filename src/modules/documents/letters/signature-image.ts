/** What an uploaded signature is, read from its bytes (never from its name or declared type). */
export interface SignatureImageFormat {
  contentType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

/** Larger than any signature needs; a PNG's pixels are unpacked to draw it, so they are bounded. */
export const MAX_SIGNATURE_SIDE = 4000;

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A PNG or JPEG image by its content (magic bytes, then the header that gives its size), or
 * undefined for anything else: a PDF, a text renamed `.png`, a truncated file.
 */
export function signatureImageFormat(bytes: Buffer): SignatureImageFormat | undefined {
  const format = pngFormat(bytes) ?? jpegFormat(bytes);
  if (!format) return undefined;
  const sides = [format.width, format.height];
  return sides.every((side) => side >= 1 && side <= MAX_SIGNATURE_SIDE) ? format : undefined;
}

function pngFormat(bytes: Buffer): SignatureImageFormat | undefined {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_MAGIC)) return undefined;
  // The first chunk is always IHDR: width and height as 32-bit big-endian numbers.
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { contentType: 'image/png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Start-of-frame markers, which carry the picture's size (not DHT C4, JPG C8 or DAC CC). */
const START_OF_FRAME = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

function jpegFormat(bytes: Buffer): SignatureImageFormat | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return undefined;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Markers without a length: restarts, TEM; the image data starts at SOS without a frame first.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return undefined;
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2) return undefined;
    if (START_OF_FRAME.has(marker)) {
      if (at + 9 > bytes.length) return undefined;
      return {
        contentType: 'image/jpeg',
        height: bytes.readUInt16BE(at + 5),
        width: bytes.readUInt16BE(at + 7),
      };
    }
    at += 2 + length;
  }
  return undefined;
}
