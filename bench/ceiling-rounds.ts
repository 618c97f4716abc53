/**
 * The ceilings, measured beside the scenarios: one ceiling round right before each scenario round,
 * at the same connections and length, while Gatehouse waits idle (and the bare server waits idle
 * during Gatehouse's rounds). Each round of a scenario is judged against the ceiling measured a few
 * seconds earlier, not against one measured minutes away: this machine's speed drifts by 10-20 %
 * within a run (the ceilings measured before and after Gatehouse moved that much), and that drift
 * decided whether targets near 0.7-0.85 were met.
 */
import { load, type LoadResult } from './load.js';
import { cpuMs, run, start, type Started } from './processes.js';
import type { Scenario } from './scenarios.js';

export type CeilingKind = Scenario['ceiling'];

export interface CeilingRound {
  /** Requests (bare yoga) or argon2id operations (all pool threads) per second. */
  perSecond: number;
  /** Bare yoga only: its latency and its server CPU time per request. */
  load?: LoadResult & { cpuMsPerRequest: number };
}

export interface CeilingRounds {
  measure(kind: CeilingKind, connections: number): Promise<CeilingRound>;
  /** Bare yoga answering `body` (a scenario's `shape`) from memory, req/s. */
  measureShape(body: string, connections: number): Promise<number>;
  stop(): Promise<void>;
}

export async function ceilingRounds(seconds: number): Promise<CeilingRounds> {
  const bare: Started = await start('bench/ceilings/bare-yoga.ts', {}, /^(http:\/\/\S+)$/);
  const bareBody = () => '{"query":"{ __typename }"}';
  // Its first requests compile and optimise yoga's path: not part of any measured round.
  await load({ url: bare.url, connections: 16, seconds: 2, body: bareBody });
  return {
    async measure(kind, connections) {
      if (kind !== 'yoga') {
        const mode = kind === 'argon2-hash' ? 'hash' : 'verify';
        const out = JSON.parse(await run('bench/ceilings/argon2.ts', [String(seconds), mode], {})) as { opsPerSecond: number };
        return { perSecond: out.opsPerSecond };
      }
      const cpuBefore = cpuMs(bare.child);
      const result = await load({ url: bare.url, connections, seconds, body: bareBody });
      const cpuMsPerRequest = (cpuMs(bare.child) - cpuBefore) / Math.max(1, result.requests);
      return { perSecond: result.requestsPerSecond, load: { ...result, cpuMsPerRequest } };
    },
    async measureShape(body, connections) {
      return (await load({ url: bare.url, connections, seconds, body: () => body })).requestsPerSecond;
    },
    async stop() {
      await bare.stop();
    },
  };
}
