/**
 * The signature-counter rule (WebAuthn Level 3, 7.2 step 22): a counter that does not grow, when
 * either side is non-zero, means a copy of the key is in use. Authenticators that keep no counter
 * (synced passkeys) report 0 every time and are never refused.
 */
import { describe, expect, it } from 'vitest';
import { counterRegressed } from '../../src/auth/passkeys/webauthn.js';

describe('counterRegressed', () => {
  it('accepts a counter that grows, and an authenticator that keeps none', () => {
    expect(counterRegressed(0, 0)).toBe(false);
    expect(counterRegressed(0, 1)).toBe(false);
    expect(counterRegressed(41, 42)).toBe(false);
    expect(counterRegressed(41, 2 ** 32 - 1)).toBe(false);
  });

  it('refuses a counter that stays or goes back, including back to 0', () => {
    expect(counterRegressed(42, 42)).toBe(true);
    expect(counterRegressed(42, 7)).toBe(true);
    expect(counterRegressed(42, 0)).toBe(true);
  });
});
