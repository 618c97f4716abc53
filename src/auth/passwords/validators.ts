/**
 * Password validation equivalent to Django's four validators (user-attribute similarity, minimum
 * length, common passwords, entirely numeric), plus a maximum length that bounds hashing cost.
 * Each rule can be switched off in configuration and fails with its own code (Django's codes).
 */
import type { Config } from '../../config/index.js';
import { fieldError, type FieldError } from '../../errors.js';
import { commonPasswords } from './common-passwords.js';
import { isTooSimilar, type SimilarityWork } from './similarity.js';

export type PasswordRule = 'similarity' | 'min_length' | 'common' | 'numeric';
export const PASSWORD_RULES: readonly PasswordRule[] = ['similarity', 'min_length', 'common', 'numeric'];

export type PasswordPolicy = Config['passwords']['policy'];

/** What the password is compared with by the similarity rule. */
export interface UserAttributes {
  email?: string | null;
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
}

/**
 * The problems with `password` under `policy`, empty when it is acceptable.
 * @param field the input field name reported in each FieldError. @default "password"
 */
export function validatePassword(policy: PasswordPolicy, password: string, user: UserAttributes = {}, field = 'password'): FieldError[] {
  const problems: FieldError[] = [];
  // The maximum is always enforced: an unbounded password is an unbounded hashing cost.
  if (password.length > policy.maxLength) {
    problems.push(fieldError(field, 'password_too_long', 'passwordTooLong', { max: policy.maxLength }));
    return problems;
  }
  const on = new Set(policy.rules);
  if (on.has('similarity') && tooSimilar(password, user, policy.maxSimilarity)) {
    problems.push(fieldError(field, 'password_too_similar', 'passwordTooSimilar'));
  }
  if (on.has('min_length') && password.length < policy.minLength) {
    problems.push(fieldError(field, 'password_too_short', 'passwordTooShort', { min: policy.minLength }));
  }
  if (on.has('common') && commonPasswords().has(password.trim().toLowerCase())) {
    problems.push(fieldError(field, 'password_too_common', 'passwordTooCommon'));
  }
  if (on.has('numeric') && /^\d+$/.test(password)) {
    problems.push(fieldError(field, 'password_entirely_numeric', 'passwordEntirelyNumeric'));
  }
  return problems;
}

/**
 * As Django: each attribute, and each word of it, compared with the password (bounded work:
 * see isTooSimilar). `work`, when given, counts the comparison cells (tests).
 */
export function tooSimilar(password: string, user: UserAttributes, maxSimilarity: number, work?: SimilarityWork): boolean {
  const lowered = password.toLowerCase();
  for (const value of [user.email, user.username, user.firstName, user.lastName]) {
    if (!value) continue;
    const lower = value.toLowerCase();
    const parts = [lower, ...lower.split(/\W+/).filter(Boolean)];
    if (parts.some((part) => isTooSimilar(lowered, part, maxSimilarity, work))) return true;
  }
  return false;
}
