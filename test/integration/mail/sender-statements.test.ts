/**
 * Issue 12: what the outbox sender sends to the database per email (each registration pays for
 * one, in the server's sender loop), counted at the driver: one SELECT of the due rows per pass,
 * then per email the claim and the outcome. The hole: after the claim the row was read again
 * (`SELECT OutboxEmail` by id) although the pass had just read it.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.js';
import { deliverPendingEmails } from '../../../src/mail/sender.js';
import { registerUser, uniqueEmail } from '../../helpers/accounts.js';
import { extractCode, startSmtpCatcher } from '../../helpers/smtp.js';
import { statementKinds } from '../../helpers/statements.js';
import { createTestApp } from '../../helpers/test-app.js';

describe('outbox sender statements', () => {
  it('sends three queued emails in one SELECT and two UPDATEs each, the messages intact', async () => {
    const smtp = await startSmtpCatcher();
    const t = await createTestApp({ smtp });
    const emails = [uniqueEmail(), uniqueEmail(), uniqueEmail()];
    for (const email of emails) expect((await registerUser(t, email, { locale: 'es' })).errors).toBeUndefined();
    const statements: string[] = [];
    const counted = await openDatabase(t.config.database, { onStatement: (sql) => statements.push(sql) });
    try {
      // Opens the connection (SQLite's PRAGMAs) before counting.
      expect(await counted.outboxEmail.count({ where: { status: 'PENDING' } })).toBe(3);
      statements.length = 0;
      expect(await deliverPendingEmails({ ...t.deps, prisma: counted })).toEqual({ sent: 3, retrying: 0, failed: 0 });
      expect(statementKinds(statements)).toEqual(['SELECT OutboxEmail', ...emails.flatMap(() => ['UPDATE OutboxEmail', 'UPDATE OutboxEmail'])]);
    } finally {
      await counted.$disconnect();
    }
    // Each went to its address, in the account's language, with its code.
    try {
      for (const email of emails) {
        const message = await smtp.waitFor((m) => m.to.includes(email));
        expect(message.subject).toBe('Tu código de verificación');
        expect(extractCode(message)).toMatch(/^\d{6}$/);
      }
    } finally {
      await smtp.stop();
    }
  });
});
