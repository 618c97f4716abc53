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
  if (logger) endLogging(logger, LAST_LINES_WAIT_MS, () => process.exit(code));
  else process.exit(code);
}

/**
 * stdout as pino would make it by itself (asynchronous writes; what is left written synchronously at
 * exit), made here so that its end can be waited for, and a broken pipe seen.
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
    if (error.code !== 'EPIPE') throw error;
    // pino's own listener, called first, has made the stream a no-op, its exit flush included.
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
