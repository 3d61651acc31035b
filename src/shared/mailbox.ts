/** An event's own sender as a mail keeps it: each part optional, the configuration's where left out. */
export interface MailSender {
  name?: string | null | undefined;
  address?: string | null | undefined;
  replyTo?: string | null | undefined;
}

/** "Name <address>" or a bare address (MAIL_FROM), as a name and an address. */
export function parseMailbox(value: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
  return match
    ? { name: match[1]!.trim() || match[2]!, email: match[2]!.trim() }
    : { name: value, email: value };
}

/**
 * The From and Reply-To a mail is sent with: what its event set, part by part, over the
 * configuration's MAIL_FROM and MAIL_REPLY_TO (an event that names only itself keeps the
 * configured address). The From is given as name and address apart, so no name can break the header.
 */
export function envelopeOf(
  own: MailSender | null | undefined,
  fallback: { from: string; replyTo?: string | undefined },
): { from: { name: string; address: string }; replyTo: string | undefined } {
  const configured = parseMailbox(fallback.from);
  const oneLine = (value: string) => value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
  return {
    from: {
      name: oneLine(own?.name || configured.name),
      address: own?.address || configured.email,
    },
    replyTo: own?.replyTo || fallback.replyTo,
  };
}
