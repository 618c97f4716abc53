import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout. Secrets are redacted by path, wherever a log call puts them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'gatehouse' },
    redact: {
      paths: ['*.password', '*.newPassword', '*.currentPassword', '*.token', '*.refreshToken', '*.accessToken', '*.code', 'req.headers.authorization', 'req.headers.cookie'],
      censor: '[redacted]',
    },
  });
}
