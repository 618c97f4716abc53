/**
 * The common-password list: 49,233 passwords from @zxcvbn-ts/language-common (MIT; compiled by the
 * zxcvbn-ts project from leaked-password frequency lists), the same role as Django's 20,000-entry
 * CommonPasswordValidator list. Loaded once, on first use.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

let common: ReadonlySet<string> | undefined;

export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set((dictionary as Record<string, string[]>)['passwords-common']!.map((p) => p.toLowerCase()));
  return common;
}
