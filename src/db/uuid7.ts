/**
 * RFC 9562 version 7 UUIDs, as Prisma's `@default(uuid(7))` makes the ids (milliseconds first, so
 * rows sort by time), for rows written by hand-written statements, whose ids must exist before the
 * statement (a row that names another, a link that carries a row's id).
 */
import { randomBytes } from 'node:crypto';

/** A version 7 UUID at `ms` (default: now). */
export function uuidv7(ms: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
