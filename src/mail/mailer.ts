/**
 * Sending one rendered email. The outbox sender is the only caller: use-cases never send directly,
 * they write an OutboxEmail row in the transaction of the change that causes it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Config } from '../config/index.js';
import type { Logger } from '../logger.js';

export interface OutgoingEmail {
  /** A bare address (src/users/email.ts), handed to nodemailer as an address, never parsed. */
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Resolves once the message is handed over; rejects when it could not be. */
  send(message: OutgoingEmail): Promise<void>;
  close(): void;
}

/** SMTP when SMTP_HOST is set; otherwise .eml files in MAIL_DIR, each path logged. */
export function createMailer(mail: Config['mail'], logger: Logger): Mailer {
  return mail.smtp ? createSmtpMailer(mail.from, mail.smtp) : createFileMailer(mail.from, mail.dir, logger);
}

function createSmtpMailer(from: string, smtp: NonNullable<Config['mail']['smtp']>): Mailer {
  const transport = nodemailer.createTransport({
    // One connection kept open and reused (nodemailer closes it after 100 messages or when the
    // server drops it, and opens another): a connection per message cost ~110 ms of greeting and
    // setup against ~8 ms per message on a kept one (loopback; more with TLS and a remote relay),
    // which capped the sender near 9 emails a second.
    pool: true,
    maxConnections: 1,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTls,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    // Bounded so a hung server cannot outlast the outbox claim (and a second send of the same row).
    connectionTimeout: smtp.timeoutMs,
    greetingTimeout: smtp.timeoutMs,
    socketTimeout: smtp.timeoutMs,
  });
  return {
    async send(message) {
      await transport.sendMail(envelopeOf(from, message));
    },
    close: () => transport.close(),
  };
}

function createFileMailer(from: string, dir: string, logger: Logger): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const folder = resolve(dir);
  return {
    async send(message) {
      const info = await transport.sendMail(envelopeOf(from, message));
      mkdirSync(folder, { recursive: true });
      const path = join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
      writeFileSync(path, info.message as Buffer, { mode: 0o600 });
      // The recipient and the path only: the body holds a code or a reset link, and nothing that
      // carries one (body, subject, payload) is ever logged.
      logger.info({ to: message.to, path }, 'email written to file (no SMTP_HOST configured)');
    },
    close: () => transport.close(),
  };
}

/**
 * The message as nodemailer takes it. The recipient goes in as an address object: as a string
 * nodemailer would parse it, and `x<evil@example.test>` or `a@b.test, c@d.test` would reach
 * someone other than the stored address.
 */
function envelopeOf(from: string, message: OutgoingEmail) {
  return { from, subject: message.subject, text: message.text, html: message.html, to: { name: '', address: message.to } };
}
