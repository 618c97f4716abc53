/**
 * MFA_REQUIRED_FOR: which accounts must have a second factor. One it covers that has none yet may
 * sign in, but only to enrol (the `enrolling` scope); every other field answers
 * MFA_ENROLLMENT_REQUIRED until a factor is on.
 */
import type { Config } from '../../config/index.js';
import type { User } from '../../generated/sqlite/client.js';

/** Whether MFA_REQUIRED_FOR covers `user` (staff: staff members and superusers). */
export function mfaRequiredFor(requiredFor: Config['mfa']['requiredFor'], user: Pick<User, 'isStaff' | 'isSuperuser'>): boolean {
  switch (requiredFor) {
    case 'all':
      return true;
    case 'staff':
      return user.isStaff || user.isSuperuser;
    case 'superuser':
      return user.isSuperuser;
    case 'none':
      return false;
  }
}

/** Whether `user` is held to enrolment: covered by the policy, with no second factor (User.mfaEnabled) yet. */
export function mfaEnrollmentPending(requiredFor: Config['mfa']['requiredFor'], user: Pick<User, 'isStaff' | 'isSuperuser' | 'mfaEnabled'>): boolean {
  return !user.mfaEnabled && mfaRequiredFor(requiredFor, user);
}
