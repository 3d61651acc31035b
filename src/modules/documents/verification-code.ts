import { isDuplicateKey } from '../../db/duplicate-key.js';
import { randomInt } from 'node:crypto';

// Crockford's alphabet: no I, L, O or U, so a code read aloud or typed from paper survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh random code like "7K3M-9QX2-HD4P" (60 bits): printed on badges and letters, typed at the door. */
export function newVerificationCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** A code as someone typed or scanned it: case, spaces and dashes do not matter; O reads as 0, I and L as 1. */
export function normalizeVerificationCode(input: string): string | undefined {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(plain)) return undefined;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
}

/** Where one kind of code lives: read the known ones, insert a new one, read back a race's winner. */
export interface CodeStore {
  known(subjects: string[]): Promise<Map<string, string>>;
  insert(subject: string, code: string): Promise<void>;
  winner(subject: string): Promise<string | undefined>;
}

/**
 * One code per subject (a registration's badge, a letter), issued when first needed and the same
 * ever after. The store's unique index decides a race: the loser reads the winner's code.
 */
export async function issueCodes(subjects: string[], store: CodeStore): Promise<Map<string, string>> {
  const codes = await store.known(subjects);
  for (const subject of subjects.filter((s) => !codes.has(s))) {
    const code = newVerificationCode();
    try {
      await store.insert(subject, code);
      codes.set(subject, code);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const winner = await store.winner(subject);
      if (winner) codes.set(subject, winner);
    }
  }
  return codes;
}
