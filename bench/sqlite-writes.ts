/**
 * `npx tsx bench/sqlite-writes.ts [--updates 20000] [--autocheckpoint PAGES] [--batch N]`: what a
 * refresh's rotation UPDATE costs SQLite alone, through better-sqlite3 with Gatehouse's pragmas (WAL,
 * synchronous NORMAL) on a file built from the committed migrations, 600 sessions: each UPDATE's
 * wall time (mean, p50, p99, p99.9, max), the CPU per UPDATE, and the time spent in UPDATEs slower than
 * 1 ms. `--autocheckpoint 0` leaves the WAL unchecked (what the main thread would pay if checkpoints
 * ran elsewhere); `--batch N` commits N updates per transaction (group commit).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { migrationsDir } from '../src/db/migrate/migrations.js';

const { values } = parseArgs({
  options: { updates: { type: 'string', default: '20000' }, autocheckpoint: { type: 'string' }, batch: { type: 'string', default: '1' } },
});
const updates = Number(values.updates);
const batch = Number(values.batch);

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-sqlite-writes-'));
const db = new Database(join(dir, 'bench.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
if (values.autocheckpoint !== undefined) db.pragma(`wal_autocheckpoint = ${Number(values.autocheckpoint)}`);
const migrations = migrationsDir('sqlite');
for (const name of readdirSync(migrations, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()) {
  db.exec(readFileSync(join(migrations, name, 'migration.sql'), 'utf8'));
}

const token = () => createHash('sha256').update(randomBytes(32)).digest('base64url');
const now = Date.now();
const sessions: { id: string; token: string }[] = [];
const insertUser = db.prepare(`INSERT INTO "User" ("id", "email", "passwordHash", "createdAt", "updatedAt") VALUES (?, ?, 'x', ?, ?)`);
const insertSession = db.prepare(
  `INSERT INTO "Session" ("id", "userId", "refreshTokenHash", "createdAt", "lastUsedAt", "expiresAt") VALUES (?, ?, ?, ?, ?, ?)`,
);
db.transaction(() => {
  for (let i = 0; i < 600; i++) {
    insertUser.run(`u${i}`, `u${i}@example.com`, now, now);
    const session = { id: `s${i}`, token: token() };
    insertSession.run(session.id, `u${i}`, session.token, now, now, now + 1e9);
    sessions.push(session);
  }
})();

// The statement of src/auth/sessions/refresh-statements.ts.
const rotate = db.prepare(`UPDATE "Session"
  SET "refreshTokenHash" = ?, "previousTokenHash" = ?, "rotatedAt" = ?, "lastUsedAt" = ?, "expiresAt" = ?
  WHERE "id" = ? AND "refreshTokenHash" = ? AND "revokedAt" IS NULL`);
const rotateMany = db.transaction((count: number, first: number) => {
  for (let i = first; i < first + count; i++) {
    const session = sessions[i % sessions.length]!;
    const next = token();
    const at = now + i;
    if (rotate.run(next, session.token, at, at, at + 1e9, session.id, session.token).changes !== 1) throw new Error('rotation lost');
    session.token = next;
  }
});

const times: number[] = [];
const cpuBefore = process.cpuUsage();
for (let i = 0; i < updates; i += batch) {
  const started = performance.now();
  rotateMany(batch, i);
  const ms = performance.now() - started;
  for (let j = 0; j < batch; j++) times.push(ms / batch);
}
const cpu = process.cpuUsage(cpuBefore);
db.close();
rmSync(dir, { recursive: true, force: true });

times.sort((a, b) => a - b);
const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
const at = (q: number) => us(times[Math.min(times.length - 1, Math.floor(times.length * q))]!);
const total = times.reduce((a, b) => a + b, 0);
const slow = times.filter((t) => t > 1).reduce((a, b) => a + b, 0);
console.log(
  `${times.length} UPDATEs, ${batch} per transaction, wal_autocheckpoint ${values.autocheckpoint ?? 'default (1000)'}: ` +
    `wall mean ${us(total / times.length)}, p50 ${at(0.5)}, p99 ${at(0.99)}, p99.9 ${at(0.999)}, max ${at(1)}; ` +
    `CPU ${us((cpu.user + cpu.system) / 1000 / times.length)} per UPDATE; ${slow.toFixed(0)} of ${total.toFixed(0)} ms in UPDATEs over 1 ms`,
);
