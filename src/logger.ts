import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

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
  return pino(options, destination ?? standardOutput());
}

/**
 * stdout, written synchronously (pino's default), except that a reader which has gone away (EPIPE:
 * the parent or supervisor that held the pipe died) ends the logging instead of the process: pino
 * flushes its buffer at exit, and sonic-boom's flush retries a failing write forever, so a server
 * told to stop never exited and ran on, orphaned.
 */
function standardOutput(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: true });
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') stream.destroy();
  });
  return stream;
}
