// The test's own RFC 6238 implementation against the RFC's published vectors (SHA-1, 8 digits
// truncated to 6 here: the last six digits of the RFC's values), and the server's library against it.
import { describe, expect, it } from 'vitest';
import { matchingStep } from '../../src/auth/mfa/totp.js';
import { totpCode } from '../helpers/totp.js';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII "12345678901234567890".
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
];

describe('RFC 6238', () => {
  it.each(VECTORS)('at %i s the code is the last six digits of %s', (seconds, eight) => {
    expect(totpCode(RFC_SECRET, new Date(seconds * 1000))).toBe(eight.slice(2));
  });

  it("the server's check accepts the step before, now and after, and no other", () => {
    const now = new Date(1_234_567_890_000);
    const step = Math.floor(now.getTime() / 30_000);
    for (const offset of [-1, 0, 1]) expect(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, now, offset), now)).toBe(step + offset);
    for (const offset of [-3, -2, 2, 3]) expect(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, now, offset), now)).toBeNull();
    expect(matchingStep(RFC_SECRET, '12345', now)).toBeNull();
  });
});
