import type { Config } from '../../config/index.js';
import type { MailSettings } from './mail-context.js';

/** "Name <address>" or a bare address, as the ORGANIZER of calendar entries sent by mail. */
export function parseMailbox(value: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
  return match
    ? { name: match[1]!.trim() || match[2]!, email: match[2]!.trim() }
    : { name: value, email: value };
}

export function mailSettingsOf(config: Config): MailSettings {
  return {
    publicUrl: config.publicUrl,
    domain: config.mail.domain,
    organizer: parseMailbox(config.mail.from),
  };
}
