/**
 * The management CLI: `npm run gatehouse -- <command> [options]`, like Django's manage.py.
 */
import { ConfigError } from '../config/index.js';
import { PendingMigrationsError } from '../create-deps.js';
import { exitAfterLogs, isReaderGone } from '../logger.js';
import { commandLogger } from './cli-deps.js';
import { CommandError, type Command } from './command.js';
import { activateuser } from './commands/activateuser.js';
import { importDjango } from './commands/import-django.js';
import { changepassword } from './commands/changepassword.js';
import { createstaffuser, createsuperuser, createuser } from './commands/createuser.js';
import { initdefaultadmin } from './commands/initdefaultadmin.js';
import { listusers } from './commands/listusers.js';
import { migrate } from './commands/migrate.js';
import { printschema } from './commands/printschema.js';
import { revokesessions } from './commands/revokesessions.js';

const commands: Command[] = [
  migrate,
  printschema,
  createuser,
  createstaffuser,
  createsuperuser,
  initdefaultadmin,
  changepassword,
  activateuser,
  listusers,
  revokesessions,
  importDjango,
];

// A reader that went away (`listusers | head -1`, a closed pipe, a terminal that hung up): what is
// left of the output is dropped and the command finishes its work, as console.log does by itself.
// Without this, a process.stdout.write (a prompt, printschema) crashed the command halfway with a
// stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (!isReaderGone(error)) throw error;
});
// The terminal hung up (ssh dropped, the window closed): the hang-up signal's default would kill the
// command wherever it is, a write half done. Like a closed pipe (whose SIGPIPE Node ignores), it
// finishes instead: its output is dropped (above), a question still open gets no answer and the
// command stops as cancelled.
process.on('SIGHUP', () => {});

/** Not process.exit at once: pino's exit flush retries a write into a closed or full pipe forever. */
function exit(code: number): void {
  exitAfterLogs(commandLogger(), code);
}

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return ['usage: npm run gatehouse -- <command> [options]', '', 'commands:', ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`gatehouse: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => exit(code),
  (error: unknown) => {
    if (error instanceof CommandError || error instanceof ConfigError || error instanceof PendingMigrationsError) {
      console.error(`gatehouse: ${error.message}`);
      return exit(error instanceof CommandError ? error.exitCode : 1);
    }
    // One line for people; the stack only when asked for (it names files, not causes).
    const message = error instanceof Error ? error.message.trim().split('\n').at(-1) : String(error);
    console.error(
      `gatehouse: unexpected error: ${message}${process.env.GATEHOUSE_DEBUG ? `\n${(error as Error).stack}` : ' (GATEHOUSE_DEBUG=1 shows the stack)'}`,
    );
    exit(1);
  },
);
