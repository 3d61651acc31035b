import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string | { name: string; address: string };
  replyTo?: string | undefined;
  to: { name?: string | null | undefined; email: string }[];
  subject: string;
  text: string;
  html?: string | null | undefined;
  messageId: string;
  attachments: { filename?: string | null; contentType?: string | null; content?: string | null }[];
}

/** Where mails go: an SMTP server, or `.eml` files when none is configured (development). */
export interface MailTransport {
  kind: 'smtp' | 'files';
  send(mail: OutgoingMail): Promise<{ response: string }>;
  close(): void;
}

function toNodemailer(mail: OutgoingMail) {
  return {
    from: mail.from,
    ...(mail.replyTo && { replyTo: mail.replyTo }),
    to: mail.to.map((r) => ({ name: r.name ?? '', address: r.email })),
    subject: mail.subject,
    text: mail.text,
    ...(mail.html && { html: mail.html }),
    messageId: mail.messageId,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? 'attachment',
      contentType: a.contentType ?? 'application/octet-stream',
      content: Buffer.from(a.content ?? '', 'base64'),
    })),
  };
}

/** A pooled SMTP connection: the worker sends several mails at once over a few kept-open connections. */
export function smtpTransport(
  url: string,
  options: { timeoutMs?: number; connections?: number } = {},
): MailTransport {
  const timeout = options.timeoutMs ?? 30_000;
  const transporter = nodemailer.createTransport(url, {
    pool: true,
    maxConnections: options.connections ?? 5,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as object);
  return {
    kind: 'smtp',
    send: async (mail) => {
      const info = (await transporter.sendMail(toNodemailer(mail))) as { response?: string };
      return { response: String(info.response ?? '') };
    },
    close: () => transporter.close(),
  };
}

/** The file a mail is written to when there is no mail server: its Message-ID, made safe. */
export const emlFileName = (messageId: string) => `${messageId.replace(/[^A-Za-z0-9@._-]/g, '_')}.eml`;

/** Writes each mail as an .eml file (named by Message-ID) so Foro works without a mail server. */
export function fileTransport(folder: string): MailTransport {
  const streamer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'files',
    send: async (mail) => {
      const info = (await streamer.sendMail(toNodemailer(mail))) as { message: Buffer };
      await mkdir(folder, { recursive: true });
      const name = emlFileName(mail.messageId);
      await writeFile(join(folder, name), info.message);
      return { response: `written ${name}` };
    },
    close: () => undefined,
  };
}
