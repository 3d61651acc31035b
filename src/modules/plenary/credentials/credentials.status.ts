import type { CredentialAuthority, CredentialKind, CredentialStatus } from './credentials.model.js';

export interface CredentialRules {
  accredited: CredentialKind[];
  provisional: CredentialKind[];
  anyAuthority: boolean;
}

/** Rules 27 and 28 as meetings usually read them: originals accredit; copies and notes verbales, provisionally. */
export const DEFAULT_RULES: CredentialRules = {
  accredited: ['original'],
  provisional: ['copy', 'note_verbale'],
  anyAuthority: false,
};

/**
 * A state's status from what the secretariat received and the event's rules: a kind that
 * accredits, from a head of state or government or a foreign minister (or any authority, if the
 * event says so), accredits; one that accredits from another authority, or a kind that accredits
 * provisionally, gives provisional status; nothing received, or anything else, does not accredit.
 */
export function credentialStatus(
  record: { kind: CredentialKind; authority: CredentialAuthority } | undefined,
  rules: CredentialRules,
): CredentialStatus {
  if (!record || record.kind === 'none') return 'not_accredited';
  if (rules.accredited.includes(record.kind))
    return record.authority !== 'other' || rules.anyAuthority ? 'accredited' : 'provisional';
  if (rules.provisional.includes(record.kind)) return 'provisional';
  return 'not_accredited';
}
