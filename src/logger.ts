import { closeSync, fstatSync, openSync } from 'node:fs';
import { isatty } from 'node:tty';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** How each logger writing to stdout ends its output (see endLogging). */
const enders = new WeakMap<Logger, (timeoutMs: number, done: () => void) => void>();

/**
 * Structured JSON logs on stdout (or `destination`). Secrets are redacted by path, wherever a log
 * call puts them; codes and tokens are never passed to a log call in the first place.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'gatehouse' },
    redact: {
      paths: [
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.token',
        '*.refreshToken',
        '*.accessToken',
        '*.code',
        'req.headers.authorization',
        'req.headers.cookie',
      ],
      censor: '[redacted]',
    },
  };
  if (destination) return pino(options, destination);
  const output = standardOutput();
  const logger = pino(options, output.stream);
  enders.set(logger, output.end);
  return logger;
}

/**
 * Ends the logging before the process exits, then calls `done` (which may exit): once every line
 * logged so far is written, or cannot be because nobody reads stdout any more, or after `timeoutMs`
 * (a reader that is there but does not read: what is left is dropped). Exiting without it is not
 * safe: pino writes what it still holds at exit with sonic-boom's `flushSync`, which retries a
 * failed write forever, whatever the error, so a server whose parent had died never exited.
 */
function endLogging(logger: Logger, timeoutMs: number, done: () => void): void {
  const end = enders.get(logger);
  if (end) end(timeoutMs, done);
  else logger.flush(() => done());
}

/** How long the last log lines may take to reach a reader that is there but slow, before the process exits without them. */
export const LAST_LINES_WAIT_MS = 5_000;

/** process.exit(code) once the logging has ended (endLogging); at once when `logger` is undefined (nothing was ever set up to log). */
export function exitAfterLogs(logger: Logger | undefined, code: number): void {
  const exit = () => {
    letGoOfHungUpTerminal();
    process.exit(code);
  };
  if (logger) endLogging(logger, LAST_LINES_WAIT_MS, exit);
  else exit();
}

/**
 * Whether a failed write means nobody reads the output any more, so that what is left of it is
 * dropped and the process carries on: EPIPE, a pipe whose reader closed (`listusers | head -1`, a
 * supervisor that died); EIO, a terminal that hung up (ssh dropped, the terminal window closed:
 * the pseudo-terminal's master side closed). Any other failure is a real one.
 */
export function isReaderGone(error: NodeJS.ErrnoException): boolean {
  return error.code === 'EPIPE' || error.code === 'EIO';
}

/** The standard streams (0, 1, 2) that were a terminal when the process started. */
const startedOnTerminal = [0, 1, 2].filter((fd) => isatty(fd));

/**
 * Points the standard streams whose terminal has hung up at /dev/null, just before exiting. At exit
 * Node restores each terminal's mode, and before 22.17 / 24.1 (nodejs/node#58200) it aborts
 * (SIGABRT, code 134) when the terminal is gone (tcsetattr fails with EIO): a command that had
 * finished its work lost its exit code. Node skips a descriptor that is no longer the file it
 * started with, so each hung-up one is closed and /dev/null opened in its place (the lowest free
 * number: the same one). A terminal that still answers is left alone.
 */
function letGoOfHungUpTerminal(): void {
  for (const fd of startedOnTerminal) {
    try {
      // Still a terminal (isatty asks the terminal itself, which a hung-up one refuses with EIO).
      if (isatty(fd) || !fstatSync(fd).isCharacterDevice()) continue;
      closeSync(fd);
      const reopened = openSync('/dev/null', fd === 0 ? 'r' : 'w');
      // Another thread took the number first: that file is not the terminal either, which is all Node checks.
      if (reopened !== fd) closeSync(reopened);
    } catch {
      // Closed already (Node skips it too), or /dev/null missing: exit as before.
    }
  }
}

/**
 * stdout as pino would make it by itself (asynchronous writes; what is left written synchronously at
 * exit), made here so that its end can be waited for, and a reader that has gone seen (isReaderGone).
 */
function standardOutput(): { stream: DestinationStream; end: (timeoutMs: number, done: () => void) => void } {
  const stream = pino.destination({ dest: 1, sync: false });
  // Over: everything written and the stream closed, or given up on, or nobody reads it any more.
  let over = false;
  const waiting: Array<() => void> = [];
  let timer: NodeJS.Timeout | undefined;
  const finish = () => {
    if (over) return;
    over = true;
    clearTimeout(timer);
    for (const callback of waiting.splice(0)) callback();
  };
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // Any other failed write stays what pino makes it: an unhandled error.
    if (!isReaderGone(error)) throw error;
    // What pino's own listener does for EPIPE only: a no-op stream from here on, its exit flush
    // included (sonic-boom's flushSync retries a failed write forever: a hung-up terminal hung the exit).
    const nothing = () => {};
    Object.assign(stream, { write: () => true, end: nothing, flushSync: nothing, destroy: nothing });
    finish();
  });
  // Closed, pino no longer flushes it at exit; destroyed (the timer below), pino skips it at exit.
  stream.once('close', finish);
  const end = (timeoutMs: number, done: () => void): void => {
    if (over) return done();
    waiting.push(done);
    if (waiting.length > 1) return;
    timer = setTimeout(() => {
      stream.destroy();
      finish();
    }, timeoutMs);
    stream.end();
  };
  return { stream, end };
}
