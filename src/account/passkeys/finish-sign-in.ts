/**
 * The second step of a passkey sign-in: the browser's assertion for a ceremony started with
 * startPasskeySignIn. The credential decides the account; a passkey is something you have plus
 * the authenticator's PIN or biometrics, so the session is multi-factor by itself (no MfaChallenge).
 *
 * A signature counter that does not grow (when either side is non-zero) means two copies of the
 * key exist: the sign-in is refused and `passkey.counter_regressed` audited. The counter is moved
 * forward with a conditional update, so two assertions racing with the same counter cannot both pass.
 */
import type { Passkey } from '../../generated/sqlite/client.js';
import { auditRow, recordAudit } from '../../audit/record.js';
import { claimCeremonyChallenge } from '../../auth/passkeys/ceremony-challenge.js';
import { parseAuthenticationResponse, passkeyInvalid, signedChallenge } from '../../auth/passkeys/response-json.js';
import { toWebAuthnCredential } from '../../auth/passkeys/stored-credential.js';
import { counterRegressed, verifyAuthentication } from '../../auth/passkeys/webauthn.js';
import type { DeviceInfo } from '../../auth/sessions/create-session.js';
import type { Deps } from '../../deps.js';
import { GatehouseError } from '../../errors.js';
import { establishSession } from '../sign-in/establish-session.js';
import type { SignedIn } from '../sign-in/result.js';
import { awaitsEmailVerification } from '../../users/verification.js';

/**
 * @throws GatehouseError PASSKEY_INVALID, TOKEN_EXPIRED (the ceremony), ACCOUNT_DISABLED, EMAIL_NOT_VERIFIED
 */
export async function finishPasskeySignIn(deps: Deps, input: { response: unknown }, device: DeviceInfo): Promise<SignedIn> {
  const response = parseAuthenticationResponse(input.response);
  const challenge = signedChallenge(response.response.clientDataJSON);
  const ceremony = await claimCeremonyChallenge(deps, 'PASSKEY_SIGN_IN', challenge, null);

  const fail = async (reason: string, passkey: Passkey | null, type: 'passkey.sign_in_failed' | 'passkey.counter_regressed' = 'passkey.sign_in_failed') => {
    const metadata = { reason, ...(passkey ? { passkeyId: passkey.id } : {}) };
    await recordAudit(deps.prisma, { type, userId: passkey?.userId ?? null, ...device, metadata }, deps.clock.now());
    return passkeyInvalid();
  };
  const passkey = await deps.prisma.passkey.findUnique({ where: { credentialId: response.id } });
  if (!passkey) throw await fail('unknown_credential', null);
  // Asked for with an email: only a passkey offered then may answer.
  const allowed = ceremony.parsed.allowCredentials;
  if (allowed && !allowed.includes(passkey.credentialId)) throw await fail('credential_not_offered', passkey);
  // A discoverable credential names its account; it must be the one the credential belongs to.
  const handle = response.response.userHandle;
  if (handle && Buffer.from(handle, 'base64url').toString('utf8') !== passkey.userId) throw await fail('user_handle_mismatch', passkey);

  const verified = await verifyAuthentication(deps.config.webauthn, response, challenge, toWebAuthnCredential(passkey));
  if (!verified.ok) throw await fail(verified.reason, passkey);
  const { newCounter, backedUp } = verified.info;
  const stored = passkey.counter;
  if (counterRegressed(Number(stored), newCounter)) throw await fail(`counter ${newCounter} after ${stored}`, passkey, 'passkey.counter_regressed');

  const user = await deps.prisma.user.findUnique({ where: { id: passkey.userId } });
  // As for a password: the account's state is told only to someone who proved they hold it.
  const refusal = !user?.isActive
    ? ({ reason: 'account_disabled', code: 'ACCOUNT_DISABLED' } as const)
    : awaitsEmailVerification(deps.config.accounts.requireEmailVerification, user)
      ? ({ reason: 'email_not_verified', code: 'EMAIL_NOT_VERIFIED' } as const)
      : null;
  if (refusal || !user) {
    const metadata = { reason: refusal?.reason, passkeyId: passkey.id };
    await recordAudit(deps.prisma, { type: 'passkey.sign_in_failed', userId: passkey.userId, ...device, metadata }, deps.clock.now());
    throw new GatehouseError(refusal?.code ?? 'ACCOUNT_DISABLED');
  }

  const now = deps.clock.now();
  const { count } = await deps.prisma.passkey.updateMany({
    where: { id: passkey.id, counter: stored },
    data: { counter: BigInt(newCounter), backedUp, lastUsedAt: now },
  });
  // Another assertion of this credential moved the counter first: the same clone signal.
  if (count !== 1) throw await fail('counter raced', passkey, 'passkey.counter_regressed');

  return establishSession(deps, user, device, {
    authMethods: ['passkey'],
    writes: (at) => [
      deps.prisma.auditEvent.create({ data: auditRow({ type: 'passkey.signed_in', userId: user.id, ...device, metadata: { passkeyId: passkey.id } }, at) }),
    ],
  });
}
