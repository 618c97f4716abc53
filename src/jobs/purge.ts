/**
 * Housekeeping: deletes what can no longer be used. One-time tokens once expired or consumed,
 * sign-in challenges (MFA tokens, passkey ceremonies) once expired or used, sessions once expired or revoked longer ago than the retention (kept meanwhile for the user's
 * session history), rate-limit rows past their window, and outbox emails that are done (SENT or
 * FAILED, their payload already erased) once older than their retention. Live rows are never
 * touched: every condition is strictly in the past of `now`, and a PENDING or SENDING email is
 * never deleted however old. Webhook deliveries that are done (SENT or FAILED) go after the same
 * retention as emails. Safe to run on every instance at once.
 */
import type { Deps } from '../deps.js';
import { startRepeatingPass, type RepeatingPass } from './repeating-pass.js';

export interface PurgeCounts {
  oneTimeTokens: number;
  sessions: number;
  rateLimits: number;
  outboxEmails: number;
  signInChallenges: number;
  webhookDeliveries: number;
}

const DAY_MS = 86_400_000;

/** Deletes expired rows as of the clock's now; returns how many of each went. */
export async function purgeExpired(deps: Pick<Deps, 'prisma' | 'clock' | 'config'>): Promise<PurgeCounts> {
  const { prisma } = deps;
  const now = deps.clock.now();
  const revokedBefore = new Date(now.getTime() - deps.config.purge.revokedSessionRetentionDays * DAY_MS);
  const outboxBefore = new Date(now.getTime() - deps.config.purge.outboxRetentionDays * DAY_MS);
  const [oneTimeTokens, sessions, rateLimits, outboxEmails, signInChallenges, webhookDeliveries] = await prisma.$transaction([
    prisma.oneTimeToken.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { consumedAt: { lt: now } }] } }),
    prisma.session.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { revokedAt: { lt: revokedBefore } }] } }),
    prisma.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } }),
    prisma.outboxEmail.deleteMany({ where: { status: { in: ['SENT', 'FAILED'] }, createdAt: { lt: outboxBefore } } }),
    prisma.signInChallenge.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { consumedAt: { lt: now } }] } }),
    prisma.webhookDelivery.deleteMany({ where: { status: { in: ['SENT', 'FAILED'] }, createdAt: { lt: outboxBefore } } }),
  ]);
  return {
    oneTimeTokens: oneTimeTokens.count,
    sessions: sessions.count,
    rateLimits: rateLimits.count,
    outboxEmails: outboxEmails.count,
    signInChallenges: signInChallenges.count,
    webhookDeliveries: webhookDeliveries.count,
  };
}

export type PurgeJob = RepeatingPass;

/**
 * Runs purgeExpired every `config.purge.intervalSeconds` (first run one interval after start);
 * a failed run (database away) is logged and the schedule goes on. An interval of 0: no job.
 */
export function startPurgeJob(deps: Pick<Deps, 'prisma' | 'clock' | 'config' | 'logger'>): PurgeJob {
  const intervalMs = deps.config.purge.intervalSeconds * 1000;
  if (intervalMs <= 0) return { stop: async () => {} };
  return startRepeatingPass({
    pass: async () => {
      const counts = await purgeExpired(deps);
      if (Object.values(counts).some((count) => count > 0)) deps.logger.info({ purged: counts }, 'purged expired rows');
    },
    intervalMs,
    firstDelayMs: intervalMs,
    onError: (error) => deps.logger.warn({ err: error }, 'purge failed; will try again at the next interval'),
    // The schedule alone must not keep the process alive.
    unref: true,
  });
}
