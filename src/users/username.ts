/**
 * Usernames as Django's AbstractUser has them: NFKC-normalised (AbstractBaseUser.normalize_username),
 * letters, digits and @ . + - _ of any script (UnicodeUsernameValidator), at most 150 characters.
 * Compared exactly after normalisation, as Django compares them: "Ana" and "ana" are two usernames,
 * so a Django database that has both imports both (see docs/accounts.md, "Usernames").
 */
import { NAME_MAX_LENGTH } from '../config/profile-fields.js';

/** Django's UnicodeUsernameValidator. */
export const USERNAME_PATTERN = /^[\p{L}\p{N}\p{M}_.@+-]+$/u;

/** What a stored username is made of: the input, NFKC-normalised (Django's normalize_username) and trimmed. */
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFKC').trim();
}

/** A normalised username for a look-up, or null when it cannot be anyone's (so no query is needed to say no). */
export function lookupUsername(raw: string): string | null {
  // Bounded before normalising: NFKC of a huge string is work an attacker chooses.
  if (raw.length > NAME_MAX_LENGTH * 4) return null;
  const username = normalizeUsername(raw);
  return username.length > 0 && username.length <= NAME_MAX_LENGTH && USERNAME_PATTERN.test(username) ? username : null;
}
