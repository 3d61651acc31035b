import type { Config } from '../../config/index.js';
import { parseMailbox } from '../messaging/index.js';
import type { MailSettings } from './mail-context.js';

export { parseMailbox };

export function mailSettingsOf(config: Config): MailSettings {
  return {
    publicUrl: config.publicUrl,
    domain: config.mail.domain,
    organizer: parseMailbox(config.mail.from),
  };
}
