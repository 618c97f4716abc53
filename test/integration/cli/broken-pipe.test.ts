/**
 * A management command whose output nobody reads any more: `gatehouse createuser < answers | head -1`,
 * or a reader gone before the command starts. The command finishes its work quietly and exits with
 * its own code. The hole: a prompt's process.stdout.write into the closed pipe threw EPIPE as an
 * unhandled 'error' event: a stack trace on stderr, exit 1, the user not created.
 * Separate processes on the test's database (SQLite, or PostgreSQL when DATABASE_URL names one).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeCommand, root } from '../../helpers/entrypoints.js';
import { createTestApp, TEST_ENV, type TestApp } from '../../helpers/test-app.js';

const PASSWORD = 'plum orchard at dawn 7';

/** Resolves with `outcome`, or with 'still running' after `ms`: liveness, not speed. */
const orStillRunning = <T>(outcome: Promise<T>, ms: number) =>
  Promise.race([outcome, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms))]);

/** createuser's answers from a pipe, as user-input.ts reads them: email, username, first and last name, the password twice. */
const answers = (email: string) => [email, '', '', '', PASSWORD, PASSWORD].map((line) => `${line}\n`);

describe('a command whose output reader has gone', { timeout: 120_000 }, () => {
  let t: TestApp;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    t = await createTestApp();
    env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...TEST_ENV, DATABASE_URL: t.db.url, MIGRATE_ON_START: 'false' };
  });

  /** Starts `gatehouse args` with piped stdio; resolves with its exit code and stderr once it is gone (or 'still running' after 60 s). */
  function start(args: string[]) {
    const [command, commandArgs] = nodeCommand(['src/cli/index.ts', ...args]);
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'close').then(([code]) => ({ code: code as number | null, stderr }));
    const outcome = async () => {
      const result = await orStillRunning(exited, 60_000);
      if (result === 'still running') child.kill('SIGKILL');
      return result;
    };
    return { child, outcome };
  }

  it('createuser piped into a reader that closes after the first line finishes quietly', async () => {
    const { child, outcome } = start(['createuser']);
    const [email, ...rest] = answers('head@example.com');
    child.stdin.write(email);
    // The first line ("Email address") is complete once the email was read; the next prompt is
    // written with it. The reader closes; only then come the other answers, so the prompts that
    // follow meet the closed pipe.
    let seen = '';
    for await (const chunk of child.stdout) {
      seen += String(chunk);
      if (seen.includes('\n')) break;
    }
    child.stdout.destroy();
    child.stdin.end(rest.join(''));
    expect(await outcome()).toEqual({ code: 0, stderr: '' });
    expect(await t.deps.prisma.user.count({ where: { email: 'head@example.com' } })).toBe(1);
  });

  it('createuser whose stdout is closed before it starts finishes quietly', async () => {
    const { child, outcome } = start(['createuser']);
    child.stdout.destroy();
    child.stdin.end(answers('closed@example.com').join(''));
    expect(await outcome()).toEqual({ code: 0, stderr: '' });
    expect(await t.deps.prisma.user.count({ where: { email: 'closed@example.com' } })).toBe(1);
  });

  it.each([['printschema'], ['listusers']])('%s whose stdout is closed before it starts exits 0 without a word', async (name) => {
    const { child, outcome } = start([name]);
    child.stdout.destroy();
    child.stdin.end();
    expect(await outcome()).toEqual({ code: 0, stderr: '' });
  });
});
