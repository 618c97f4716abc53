/**
 * An unknown email and a wrong password must cost the same (a dummy hash is verified), so
 * response times do not tell which addresses have accounts. Real OWASP argon2 parameters here,
 * so the hash dominates; the bound is generous because the machine is shared.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../helpers/factories.js';
import { errorCode } from '../../helpers/graphql.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { login, uniqueEmail } from '../../helpers/accounts.js';

const TRIES = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('login timing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { PASSWORD_HASH_MEMORY_KIB: '19456', PASSWORD_HASH_ITERATIONS: '2', RATE_LIMITS_ENABLED: 'false' } });
  });

  it('takes the same time for an unknown email as for a wrong password (medians within 50%; no dummy hash would be ~90%)', async () => {
    const user = await createUser(t.deps);
    const time = async (email: string) => {
      const started = performance.now();
      const result = await login(t, email, 'a wrong password');
      const elapsed = performance.now() - started;
      expect(errorCode(result)).toBe('INVALID_CREDENTIALS');
      return elapsed;
    };
    await time(uniqueEmail()); // warm-up: the dummy hash is computed once
    await time(user.email);
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < TRIES; i++) {
      unknown.push(await time(uniqueEmail()));
      wrong.push(await time(user.email));
    }
    const [u, w] = [median(unknown), median(wrong)];
    console.log(`login timing medians over ${TRIES} tries: unknown email ${u.toFixed(1)} ms, wrong password ${w.toFixed(1)} ms`);
    expect(Math.abs(u - w) / Math.max(u, w)).toBeLessThan(0.5);
  });

  // Issue 15, item 1: with LOGIN_IDENTIFIERS=username an unknown username must cost what a wrong password does.
  it('takes the same time for an unknown username as for a wrong password (LOGIN_IDENTIFIERS=username)', async () => {
    const u = await createTestApp({
      env: { PASSWORD_HASH_MEMORY_KIB: '19456', PASSWORD_HASH_ITERATIONS: '2', RATE_LIMITS_ENABLED: 'false', LOGIN_IDENTIFIERS: 'username' },
    });
    const user = await createUser(u.deps, { username: `ana.${Date.now()}` });
    // #15 item 1: an account without an address takes the same path (no new way to tell it apart).
    const addressless = await createUser(u.deps, { email: null, username: `bea.${Date.now()}` });
    const time = async (username: string) => {
      const started = performance.now();
      const result = await u.graphql('mutation ($i: String!) { login(identifier: $i, password: "a wrong password") { __typename } }', { i: username });
      const elapsed = performance.now() - started;
      expect(errorCode(result)).toBe('INVALID_CREDENTIALS');
      return elapsed;
    };
    await time('nobody.warm');
    await time(user.username!);
    const unknown: number[] = [];
    const wrong: number[] = [];
    const wrongAddressless: number[] = [];
    for (let i = 0; i < TRIES; i++) {
      unknown.push(await time(`nobody.${i}`));
      wrong.push(await time(user.username!));
      wrongAddressless.push(await time(addressless.username!));
    }
    const [a, b, c] = [median(unknown), median(wrong), median(wrongAddressless)];
    console.log(
      `login timing medians over ${TRIES} tries: unknown username ${a.toFixed(1)} ms, wrong password ${b.toFixed(1)} ms, wrong password without an address ${c.toFixed(1)} ms`,
    );
    expect(Math.abs(a - b) / Math.max(a, b)).toBeLessThan(0.5);
    expect(Math.abs(a - c) / Math.max(a, c)).toBeLessThan(0.5);
  });
});
