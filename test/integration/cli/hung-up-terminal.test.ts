/**
 * A command or server whose terminal hangs up (ssh dropped, the terminal window closed: the
 * pseudo-terminal's master side closes) behaves as one whose output pipe closed
 * (broken-pipe.test.ts): a command finishes its work and exits with its own code, a server stops
 * when told to. On a hung-up terminal writes fail with EIO, not EPIPE, and the hang-up signal
 * (SIGHUP) reaches the terminal's controlling process. The holes: the signal killed a command
 * wherever it was (the user not created); a write's EIO was an unhandled error (a stack trace,
 * exit 1), a question closing on the dead terminal failed with "setRawMode EIO", and a question
 * still open waited on until the process exited under it (code 0, or a hang); the logger's EIO
 * was thrown and its exit flush retried the write forever; and Node 20 aborts at exit when it
 * cannot restore the terminal's mode (SIGABRT, not the command's code).
 * Separate processes on the test's database (SQLite, or PostgreSQL when DATABASE_URL names one).
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnTerminalThenHangUp, type HungUpTerminal } from '../../helpers/pty.js';
import { createTestApp, TEST_ENV, type TestApp } from '../../helpers/test-app.js';

const PASSWORD = 'plum orchard at dawn 7';

/** Resolves with `outcome`, or with 'still running' after `ms`: liveness, not speed. */
const orStillRunning = <T>(outcome: Promise<T>, ms: number) =>
  Promise.race([outcome, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms))]);

/** The exit code, or 'still running' after 40 s (then the process is killed). */
async function exitOf(terminal: HungUpTerminal) {
  const outcome = await orStillRunning(terminal.exited, 40_000);
  if (outcome === 'still running') terminal.kill();
  return outcome;
}

/** createuser's questions on a terminal and their answers: email, username, first and last name, the password twice. */
const answers = (email: string): [string, string][] => [
  ['Email address', email],
  ['Username', ''],
  ['First name', ''],
  ['Last name', ''],
  ['Password:', PASSWORD],
  ['Password (again)', PASSWORD],
];

describe('a command whose terminal hangs up', { timeout: 120_000 }, () => {
  let t: TestApp;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    env = { ...TEST_ENV, DATABASE_URL: t.db.url, MIGRATE_ON_START: 'false' };
  });

  it('createuser whose terminal hangs up as the last answer is taken creates the user and exits 0', async () => {
    // The hang-up comes as the last question closes (its answer shown with a tick), before the work.
    const terminal = runOnTerminalThenHangUp(['src/cli/index.ts', 'createuser'], env, { steps: answers('hangup@example.com'), hangUpOn: '✔' });
    expect((await terminal.hungUp).hungUp).toBe(true);
    expect(await exitOf(terminal)).toBe(0);
    expect(await t.deps.prisma.user.count({ where: { email: 'hangup@example.com' } })).toBe(1);
  });

  it('createuser whose terminal hangs up after the last question, during its work, creates the user and exits 0', async () => {
    // The cursor shown again: the last question has closed, with its own hang-up handling (inquirer
    // catches SIGHUP while a question is open); the hang-up signal meets the command at its work.
    const terminal = runOnTerminalThenHangUp(['src/cli/index.ts', 'createuser'], env, { steps: answers('working@example.com'), hangUpOn: '\x1b[?25h' });
    expect((await terminal.hungUp).hungUp).toBe(true);
    expect(await exitOf(terminal)).toBe(0);
    expect(await t.deps.prisma.user.count({ where: { email: 'working@example.com' } })).toBe(1);
  });

  it('createuser whose terminal hangs up while a question waits stops as cancelled (exit 1), creating nothing', async () => {
    const terminal = runOnTerminalThenHangUp(['src/cli/index.ts', 'createuser'], env, {
      steps: [['Email address', 'waiting@example.com']],
      hangUpOn: 'Username',
    });
    expect((await terminal.hungUp).hungUp).toBe(true);
    expect(await exitOf(terminal)).toBe(1);
    expect(await t.deps.prisma.user.count({ where: { email: 'waiting@example.com' } })).toBe(0);
  });
});

describe('a server whose terminal hangs up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-hangup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps serving and exits 0 on SIGTERM', async () => {
    // Started from a terminal in a session of its own (setsid, or left running by its shell): the
    // hang-up signal misses it, and its log lines (the shutdown's) meet the dead terminal.
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as { port: number };
    probe.close();
    const terminal = runOnTerminalThenHangUp(
      ['src/server/main.ts'],
      { HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', DATABASE_URL: `file:${join(dir, 'hangup.db')}` },
      { hangUpOn: 'Gatehouse is listening', detached: true },
    );
    try {
      expect((await terminal.hungUp).hungUp).toBe(true);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      process.kill(await terminal.pid, 'SIGTERM');
      // 0: it stopped as asked, not by the overall deadline of shutdown (code 1), nor aborted.
      expect(await exitOf(terminal)).toBe(0);
    } finally {
      terminal.kill();
    }
  }, 60_000);
});
