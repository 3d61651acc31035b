import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What the page after the form may show, and to whom. The form's answer carries a receipt: the
 * registration, whether this browser made it (`own`) or only typed the address of someone
 * already registered, and an expiry, signed together with the browser's session id. Only the
 * browser that sent the form can open it: a copied address opened elsewhere, or after two hours,
 * shows the general thank-you. Nothing is written to answer the form (no session write, no extra
 * round trip): the session id comes with the request's cookie.
 */
export interface Receipt {
  registrationId: string;
  own: boolean;
}

export const RECEIPT_VALID_MS = 2 * 3_600_000;

const FORMAT = /^([a-f0-9]{24})\.([01])\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/;

export interface ReceiptSigner {
  sign(receipt: Receipt, sessionId: string, now: Date): string;
  /** The receipt if it is genuine, unexpired and issued to this session; otherwise undefined. */
  open(value: unknown, sessionId: string, now: Date): Receipt | undefined;
  /** What a registration keeps of the session that sent its form (a keyed hash, never the id). */
  formSession(sessionId: string): string;
}

export function receiptSigner(sessionSecret: string): ReceiptSigner {
  // A key of its own, so that a receipt can never be mistaken for another signed value of Foro.
  const key = createHmac('sha256', sessionSecret).update('foro registration receipts').digest();
  const mac = (payload: string, sessionId: string) =>
    createHmac('sha256', key).update(`${payload}|${sessionId}`).digest('base64url');
  return {
    sign({ registrationId, own }, sessionId, now) {
      const payload = `${registrationId}.${own ? 1 : 0}.${(now.getTime() + RECEIPT_VALID_MS).toString(36)}`;
      return `${payload}.${mac(payload, sessionId)}`;
    },
    open(value, sessionId, now) {
      const match = typeof value === 'string' ? FORMAT.exec(value) : null;
      if (!match) return undefined;
      const [, registrationId, own, expires, given] = match;
      const payload = `${registrationId}.${own}.${expires}`;
      const expected = Buffer.from(mac(payload, sessionId));
      if (!timingSafeEqual(Buffer.from(given!), expected)) return undefined;
      if (parseInt(expires!, 36) < now.getTime()) return undefined;
      return { registrationId: registrationId!, own: own === '1' };
    },
    formSession(sessionId) {
      return createHmac('sha256', key).update(`form|${sessionId}`).digest('base64url').slice(0, 22);
    },
  };
}
