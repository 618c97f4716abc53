/**
 * Editing one's own profile: names, username, picture and profile fields; never the email
 * address (email-change.ts), the role or the flags.
 */
import { authStateChanged } from '../auth/cache/invalidate.js';
import type { User } from '../generated/sqlite/client.js';
import { recordAudit } from '../audit/record.js';
import { validationError } from '../errors.js';
import { enqueueNotice } from '../mail/outbox.js';
import type { Deps } from '../deps.js';
import { rethrowTaken } from '../users/account-errors.js';
import { cleanProfile, type ProfileInput } from '../users/profile-fields.js';
import { applyAttributes } from '../users/attributes.js';
import type { Viewer } from '../auth/sessions/authenticate.js';
import { enqueueUserChanges } from '../webhooks/user-events.js';
import type { DeviceInfo } from '../auth/sessions/create-session.js';

/**
 * Applies the given fields (absent: unchanged; null or blank: cleared, unless mandatory).
 * @throws GatehouseError VALIDATION_FAILED, USERNAME_TAKEN
 */
export async function updateProfile(deps: Deps, viewer: Viewer, input: ProfileInput & { attributes?: unknown }, device: DeviceInfo): Promise<User> {
  const required = ['firstName', 'lastName', ...deps.config.accounts.registrationRequiredFields] as const;
  const { data, problems } = cleanProfile(input, required, false);
  // Checked against the row authentication loaded, so admin-only and unknown keys are refused
  // before the transaction; the patch is applied again inside it to the row as it is then.
  if (input.attributes != null) problems.push(...applyAttributes(deps.config.accounts.attributes, viewer.user.attributes, input.attributes, 'self').problems);
  if (problems.length) throw validationError(problems);
  try {
    return await deps.prisma.$transaction(async (tx) => {
      const now = deps.clock.now();
      const before = await tx.user.findUniqueOrThrow({ where: { id: viewer.user.id } });
      const changed: string[] = (Object.keys(data) as (keyof typeof data)[]).filter((field) => before[field] !== data[field]);
      let attributes: string | undefined;
      if (input.attributes != null) {
        const applied = applyAttributes(deps.config.accounts.attributes, before.attributes, input.attributes, 'self');
        if (applied.problems.length) throw validationError(applied.problems);
        if (applied.changed) {
          attributes = applied.text;
          changed.push('attributes');
        }
      }
      if (!changed.length) return before;
      const user = await tx.user.update({ where: { id: before.id }, data: { ...data, attributes } });
      await authStateChanged(deps, tx, { userId: user.id });
      await enqueueUserChanges(tx, before, user, changed, { kind: 'user', id: user.id }, now);
      await recordAudit(tx, { type: 'auth.profile_updated', userId: user.id, ...device, metadata: { fields: changed } }, now);
      if (deps.config.accounts.profileUpdateNotice) {
        await enqueueNotice(tx, { to: user.email, template: 'account_updated', payload: { firstName: user.firstName, fields: changed } }, now);
      }
      return user;
    });
  } catch (error) {
    rethrowTaken(error);
  }
}
