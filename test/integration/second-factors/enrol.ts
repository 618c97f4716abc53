/**
 * Turning on an authenticator app for a signed-in user, for tests of what a second factor changes.
 */
import { encryptSecret } from '../../../src/security/encryption.js';
import { newTotpSecret } from '../../../src/auth/mfa/totp.js';
import { totpContext } from '../../../src/auth/mfa/verify-second-factor.js';
import { syncMfaEnabled } from '../../../src/auth/mfa/factors.js';
import type { TestApp } from '../../helpers/test-app.js';

/** Returns the base32 secret (for test/helpers/totp.ts). */
export async function enrolTotp(t: TestApp, accessToken: string): Promise<string> {
  const me = await t.graphql<{ me: { id: string } }>('{ me { id } }', {}, { token: accessToken });
  const userId = me.data!.me.id;
  const secret = newTotpSecret();
  await t.deps.prisma.$transaction(async (tx) => {
    await tx.totpFactor.create({
      data: { userId, secretCiphertext: encryptSecret(t.deps.config.dataEncryption, secret, totpContext(userId)), confirmedAt: t.deps.clock.now() },
    });
    await syncMfaEnabled(t.deps, tx, userId);
  });
  return secret;
}
