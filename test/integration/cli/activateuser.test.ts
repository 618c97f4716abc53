import { beforeAll, describe, expect, it } from 'vitest';
import { runProcess } from '../../helpers/server-process.js';
import { createTestApp, TEST_ENV, type TestApp } from '../../helpers/test-app.js';
import { registerUser, uniqueEmail } from '../../helpers/accounts.js';

describe('npm run gatehouse -- activateuser', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  const env = () => ({ ...TEST_ENV, DATABASE_URL: t.db.url, MIGRATE_ON_START: 'false', MAIL_DIR: t.config.mail.dir });

  /** The code as queued for the email (the process shares the database, not the mailbox). */
  async function queuedCode(email: string): Promise<string> {
    const row = await t.deps.prisma.outboxEmail.findFirstOrThrow({ where: { to: email, template: 'verification_code' } });
    return (JSON.parse(row.payload) as { code: string }).code;
  }

  it('verifies the account with its emailed code, as a separate process on the same database', { timeout: 90_000 }, async () => {
    const email = uniqueEmail('cli');
    await registerUser(t, email);
    const code = await queuedCode(email);
    const wrong = await runProcess(['src/cli/index.ts', 'activateuser', '--email', email, '--code', code === '000000' ? '111111' : '000000'], env());
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe('gatehouse: INVALID_CODE: The code is wrong.');
    expect((await t.deps.prisma.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();

    const result = await runProcess(['src/cli/index.ts', 'activateuser', '--email', email, '--code', code], env());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(`verified ${email}`);
    const user = await t.deps.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).not.toBeNull();
    const audit = await t.deps.prisma.auditEvent.findFirstOrThrow({ where: { type: 'auth.email_verified', userId: user.id } });
    expect(JSON.parse(audit.metadata)).toEqual({ via: 'cli' });
  });

  it('prints its usage and exits 2 without both options', async () => {
    const result = await runProcess(['src/cli/index.ts', 'activateuser', '--email', 'a@example.com'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: activateuser --email EMAIL --code CODE');
  });
});
