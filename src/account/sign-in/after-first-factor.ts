/**
 * After a first factor (a password, an emailed code or link): a session at once for an account
 * without a second factor; otherwise an MfaChallenge, and the password alone never yields tokens.
 * A passkey is not a first factor here: it signs in on its own (establishSession).
 */
import type { User } from '../../generated/sqlite/client.js';
import { auditRow } from '../../audit/record.js';
import { newMfaChallenge } from '../../auth/mfa/challenge.js';
import { factorSummary, methodsOf } from '../../auth/mfa/factors.js';
import type { AuthMethod } from '../../auth/mfa/methods.js';
import type { DeviceInfo } from '../../auth/sessions/create-session.js';
import type { Deps } from '../../deps.js';
import { establishSession, type EstablishOptions } from './establish-session.js';
import type { SignInResult } from './result.js';

export async function afterFirstFactor(
  deps: Deps,
  user: User,
  device: DeviceInfo,
  method: AuthMethod,
  extra: Omit<EstablishOptions, 'authMethods'> = {},
): Promise<SignInResult> {
  const methods = user.mfaEnabled ? methodsOf(await factorSummary(deps.prisma, user.id)) : [];
  if (methods.length === 0) return establishSession(deps, user, device, { ...extra, authMethods: [method] });

  const { data, issued } = newMfaChallenge(deps, user.id, device, { methods, authMethods: [method] });
  const now = deps.clock.now();
  await deps.prisma.$transaction([
    deps.prisma.signInChallenge.create({ data }),
    deps.prisma.auditEvent.create({ data: auditRow({ type: 'mfa.challenged', userId: user.id, ...device, metadata: { firstFactor: method, methods } }, now) }),
    ...(extra.userData ? [deps.prisma.user.update({ where: { id: user.id }, data: extra.userData })] : []),
    ...(extra.writes?.(now) ?? []),
  ]);
  return { kind: 'mfa_required', ...issued };
}
