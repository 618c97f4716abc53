/**
 * The purge job deletes only what can no longer be used; rows on both sides of each boundary.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/jobs/purge.js';
import { createUser } from '../helpers/factories.js';
import { createTestApp, TestClock, type TestApp } from '../helpers/test-app.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('purgeExpired', () => {
  const clock = new TestClock(new Date('2030-01-15T12:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock, env: { PURGE_REVOKED_SESSIONS_AFTER_DAYS: '30', PURGE_OUTBOX_AFTER_DAYS: '7' } });
  });

  // Every start of a passkey ceremony or MFA step writes a row; without this they would pile up for ever.
  it('deletes sign-in challenges once expired or used, and keeps live ones', async () => {
    const { prisma } = t.deps;
    const at = (offset: number) => new Date(clock.now().getTime() + offset);
    let n = 0;
    const challenge = (expiresAt: Date, consumedAt: Date | null = null) =>
      prisma.signInChallenge.create({ data: { purpose: 'PASSKEY_SIGN_IN', tokenHash: `challenge-${n++}-${Date.now()}`, expiresAt, consumedAt } });
    const gone = [(await challenge(at(-MINUTE))).id, (await challenge(at(MINUTE), at(-MINUTE))).id];
    const kept = (await challenge(at(MINUTE))).id;
    expect((await purgeExpired(t.deps)).signInChallenges).toBe(2);
    const left = (await prisma.signInChallenge.findMany()).map((row) => row.id);
    expect(left).toContain(kept);
    for (const id of gone) expect(left).not.toContain(id);
    await prisma.signInChallenge.deleteMany();
  });

  it('deletes expired and consumed tokens, expired and long-revoked sessions, expired rate-limit rows; keeps the rest', async () => {
    const { prisma } = t.deps;
    const now = clock.now().getTime();
    const at = (offset: number) => new Date(now + offset);
    const user = await createUser(t.deps);

    let n = 0;
    const token = (expiresAt: Date, consumedAt: Date | null = null) =>
      prisma.oneTimeToken.create({ data: { userId: user.id, purpose: 'EMAIL_VERIFICATION', tokenHash: `hash-${n++}`, expiresAt, consumedAt } });
    const session = (expiresAt: Date, revokedAt: Date | null = null) =>
      prisma.session.create({ data: { userId: user.id, refreshTokenHash: `refresh-${n++}`, expiresAt, revokedAt } });

    const gone = [
      (await token(at(-MINUTE))).id,
      (await token(at(DAY), at(-MINUTE))).id,
      (await session(at(-MINUTE))).id,
      (await session(at(60 * DAY), at(-31 * DAY))).id,
    ];
    const kept = [(await token(at(MINUTE))).id, (await token(at(0))).id, (await session(at(MINUTE))).id, (await session(at(60 * DAY), at(-29 * DAY))).id];
    await prisma.rateLimiterFlexible.createMany({
      data: [
        { key: 'expired', points: 3, expire: at(-MINUTE) },
        { key: 'live', points: 3, expire: at(MINUTE) },
        { key: 'no-expiry', points: 3, expire: null },
      ],
    });

    const counts = await purgeExpired(t.deps);
    expect(counts).toEqual({ oneTimeTokens: 2, sessions: 2, rateLimits: 1, outboxEmails: 0, signInChallenges: 0, webhookDeliveries: 0 });

    const tokenIds = (await prisma.oneTimeToken.findMany()).map((row) => row.id);
    const sessionIds = (await prisma.session.findMany()).map((row) => row.id);
    for (const id of gone) expect([...tokenIds, ...sessionIds]).not.toContain(id);
    for (const id of kept) expect([...tokenIds, ...sessionIds]).toContain(id);
    expect((await prisma.rateLimiterFlexible.findMany()).map((row) => row.key).sort()).toEqual(['live', 'no-expiry']);

    // Nothing more to do until time moves on; then the rows that were live expire in turn.
    expect(await purgeExpired(t.deps)).toEqual({ oneTimeTokens: 0, sessions: 0, rateLimits: 0, outboxEmails: 0, signInChallenges: 0, webhookDeliveries: 0 });
    clock.advance(2 * DAY);
    expect(await purgeExpired(t.deps)).toEqual({ oneTimeTokens: 2, sessions: 2, rateLimits: 1, outboxEmails: 0, signInChallenges: 0, webhookDeliveries: 0 });
  });

  // Every sign-in queues a delivery per subscribed endpoint; without this they would pile up for ever.
  it('deletes SENT and FAILED webhook deliveries older than PURGE_OUTBOX_AFTER_DAYS; never a PENDING or SENDING one', async () => {
    const { prisma } = t.deps;
    const endpoint = await prisma.webhookEndpoint.create({ data: { url: 'https://hooks.example/x', eventTypes: '[]', secretEncrypted: 'x' } });
    const now = clock.now().getTime();
    let n = 0;
    const delivery = (status: 'PENDING' | 'SENDING' | 'SENT' | 'FAILED', offset: number) =>
      prisma.webhookDelivery.create({
        data: { endpointId: endpoint.id, eventId: `evt_${n++}`, eventType: 'user.created', payload: '{}', status, createdAt: new Date(now + offset) },
      });
    const gone = [(await delivery('SENT', -7 * DAY - MINUTE)).id, (await delivery('FAILED', -7 * DAY - MINUTE)).id];
    const kept = [(await delivery('SENT', -7 * DAY + MINUTE)).id, (await delivery('PENDING', -365 * DAY)).id, (await delivery('SENDING', -365 * DAY)).id];
    expect((await purgeExpired(t.deps)).webhookDeliveries).toBe(2);
    const ids = (await prisma.webhookDelivery.findMany()).map((row) => row.id);
    for (const id of gone) expect(ids).not.toContain(id);
    expect(ids.sort()).toEqual([...kept].sort());
    await prisma.webhookEndpoint.delete({ where: { id: endpoint.id } });
  });

  it('deletes SENT and FAILED outbox emails older than PURGE_OUTBOX_AFTER_DAYS; never a PENDING or SENDING one', async () => {
    const { prisma } = t.deps;
    await prisma.outboxEmail.deleteMany();
    const now = clock.now().getTime();
    const written = (offset: number) => new Date(now + offset);
    const email = (status: 'PENDING' | 'SENDING' | 'SENT' | 'FAILED', createdAt: Date) =>
      prisma.outboxEmail.create({ data: { to: 'a@example.com', template: 'verification-code', payload: '{}', status, createdAt } });

    const justPast = -7 * DAY - MINUTE;
    const justInside = -7 * DAY + MINUTE;
    const gone = [(await email('SENT', written(justPast))).id, (await email('FAILED', written(justPast))).id];
    const kept = [
      (await email('SENT', written(justInside))).id,
      (await email('FAILED', written(justInside))).id,
      (await email('SENT', written(-7 * DAY))).id, // exactly at the boundary: not older, kept
      // Not done yet, however old: deleting them would lose an email.
      (await email('PENDING', written(-365 * DAY))).id,
      (await email('SENDING', written(-365 * DAY))).id,
    ];

    expect((await purgeExpired(t.deps)).outboxEmails).toBe(2);
    const ids = (await prisma.outboxEmail.findMany()).map((row) => row.id);
    for (const id of gone) expect(ids).not.toContain(id);
    expect(ids.sort()).toEqual([...kept].sort());

    // Two minutes on, the two just inside (and the one at the boundary) have aged out too.
    clock.advance(2 * MINUTE);
    expect((await purgeExpired(t.deps)).outboxEmails).toBe(3);
    expect((await prisma.outboxEmail.findMany()).map((row) => row.status).sort()).toEqual(['PENDING', 'SENDING']);
  });
});
