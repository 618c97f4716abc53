/**
 * The emails Gatehouse sends, as pure functions of their variables: a subject, a plain-text body
 * and an HTML body in which every variable is escaped. Codes and links go in the body only:
 * subjects show in notification previews, lock screens and mail-server logs.
 */

export interface EmailTemplates {
  /** `url` (the link that verifies without typing the code) is absent from emails queued before links existed. */
  verification_code: { firstName: string; code: string; minutes: number; url?: string };
  password_reset: { firstName: string; url: string; minutes: number };
  account_updated: { firstName: string; fields: string[] };
  password_changed: { firstName: string };
  email_change_code: { firstName: string; code: string; minutes: number; newEmail: string };
  email_change_notice: { firstName: string; newEmail: string };
  /** A second factor was added: `factor` names it ("an authenticator app", "the passkey “Laptop”"). */
  factor_added: { firstName: string; factor: string };
  factor_removed: { firstName: string; factor: string; byAdmin: boolean };
  recovery_code_used: { firstName: string; remaining: number };
  recovery_codes_regenerated: { firstName: string };
  /** The password was right but the second step failed until its challenge died: someone may have the password. */
  second_factor_failures: { firstName: string; ip: string | null };
  sign_in_code: { firstName: string; code: string; url: string; minutes: number };
  /** Staff (or the CLI) changed the account: the owner hears of it as they do of their own changes. */
  changed_by_admin: { firstName: string; change: 'email' | 'password' | 'deactivated' | 'reactivated'; newEmail?: string };
  /** An account at a sign-in provider was linked: signing in there now signs in here. */
  identity_linked: { firstName: string; provider: string; email: string | null };
  identity_unlinked: { firstName: string; provider: string; byAdmin: boolean };
}

export type TemplateName = keyof EmailTemplates;

/** A template and its variables, as stored in OutboxEmail. */
export type EmailMessage = { [K in TemplateName]: { to: string; template: K; payload: EmailTemplates[K] } }[TemplateName];

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const SECURITY_FOOTER = 'If this was not you, change your password and contact support.';

type Renderer<K extends TemplateName> = (v: EmailTemplates[K]) => { subject: string; lines: Line[] };
/** A paragraph of text, or a link shown as a button in HTML and as a bare URL in text. */
type Line = string | { link: string };

const renderers: { [K in TemplateName]: Renderer<K> } = {
  verification_code: (v) => ({
    subject: 'Your verification code',
    lines: v.url
      ? [
          greeting(v.firstName),
          `Your verification code is ${v.code}. Or open this link to verify your address:`,
          { link: v.url },
          `The code and the link work once and expire in ${v.minutes} minutes. If you did not sign up, ignore this email.`,
        ]
      : [greeting(v.firstName), `Your verification code is ${v.code}.`, `It expires in ${v.minutes} minutes. If you did not sign up, ignore this email.`],
  }),
  password_reset: (v) => ({
    subject: 'Reset your password',
    lines: [
      greeting(v.firstName),
      'Someone asked to reset the password of your account. To choose a new one, open this link:',
      { link: v.url },
      `The link works once and expires in ${v.minutes} minutes. If you did not ask for it, ignore this email; your password is unchanged.`,
    ],
  }),
  account_updated: (v) => ({
    subject: 'Your account was updated',
    lines: [greeting(v.firstName), `These details of your account were changed: ${v.fields.join(', ')}.`, SECURITY_FOOTER],
  }),
  password_changed: (v) => ({
    subject: 'Your password was changed',
    lines: [greeting(v.firstName), 'The password of your account was changed and your other devices were signed out.', SECURITY_FOOTER],
  }),
  email_change_code: (v) => ({
    subject: 'Confirm your new email address',
    lines: [
      greeting(v.firstName),
      `To make ${v.newEmail} the email address of your account, enter this code: ${v.code}.`,
      `It expires in ${v.minutes} minutes. If you did not ask for this, ignore this email.`,
    ],
  }),
  email_change_notice: (v) => ({
    subject: 'Your email address is changing',
    lines: [
      greeting(v.firstName),
      `The email address of your account was changed to ${v.newEmail}. This address will no longer receive messages about the account.`,
      SECURITY_FOOTER,
    ],
  }),
  factor_added: (v) => ({
    subject: 'A sign-in method was added to your account',
    lines: [greeting(v.firstName), `${capitalise(v.factor)} was added to your account as a way to sign in.`, SECURITY_FOOTER],
  }),
  factor_removed: (v) => ({
    subject: 'A sign-in method was removed from your account',
    lines: [
      greeting(v.firstName),
      v.byAdmin
        ? `An administrator removed ${v.factor} from your account. Set up a second factor again when you next sign in.`
        : `${capitalise(v.factor)} was removed from your account.`,
      SECURITY_FOOTER,
    ],
  }),
  recovery_code_used: (v) => ({
    subject: 'A recovery code was used',
    lines: [
      greeting(v.firstName),
      `A recovery code was used to sign in to your account. ${v.remaining === 1 ? '1 code is' : `${v.remaining} codes are`} left; you can make new ones in your security settings.`,
      SECURITY_FOOTER,
    ],
  }),
  recovery_codes_regenerated: (v) => ({
    subject: 'New recovery codes were made',
    lines: [greeting(v.firstName), 'New recovery codes were made for your account; the earlier ones no longer work.', SECURITY_FOOTER],
  }),
  second_factor_failures: (v) => ({
    subject: 'Someone could not finish signing in to your account',
    lines: [
      greeting(v.firstName),
      `Your password was entered correctly${v.ip ? ` from ${v.ip}` : ''}, but the second step failed too many times, so the sign-in was stopped.`,
      'If this was not you, someone knows your password: change it now.',
    ],
  }),
  changed_by_admin: (v) => ({
    subject: 'An administrator changed your account',
    lines: [
      greeting(v.firstName),
      {
        email: `An administrator changed the email address of your account to ${v.newEmail ?? 'a new address'}. This address will no longer receive messages about the account.`,
        password: 'An administrator set a new password for your account.',
        deactivated: 'An administrator deactivated your account: you can no longer sign in, and your devices were signed out.',
        reactivated: 'An administrator reactivated your account: you can sign in again.',
      }[v.change],
      'If you did not expect this, contact your administrator.',
    ],
  }),
  sign_in_code: (v) => ({
    subject: 'Your sign-in code',
    lines: [
      greeting(v.firstName),
      `Your sign-in code is ${v.code}. Or open this link to sign in:`,
      { link: v.url },
      `The code and the link work once and expire in ${v.minutes} minutes. If you did not ask to sign in, ignore this email.`,
    ],
  }),
  identity_linked: (v) => ({
    subject: 'A sign-in method was added to your account',
    lines: [
      greeting(v.firstName),
      `Your ${v.provider} account${v.email ? ` (${v.email})` : ''} was linked to your account: signing in with ${v.provider} now signs in here.`,
      'If this was not you, remove it in your security settings, change your password and contact support.',
    ],
  }),
  identity_unlinked: (v) => ({
    subject: 'A sign-in method was removed from your account',
    lines: [
      greeting(v.firstName),
      `${v.byAdmin ? 'An administrator unlinked' : 'You unlinked'} your ${v.provider} account: signing in with ${v.provider} no longer signs in here.`,
      SECURITY_FOOTER,
    ],
  }),
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function renderEmail<K extends TemplateName>(template: K, variables: EmailTemplates[K]): RenderedEmail {
  const { subject, lines } = (renderers[template] as Renderer<K>)(variables);
  const text = `${lines.map((line) => (typeof line === 'string' ? line : line.link)).join('\n\n')}\n`;
  const body = lines
    .map((line) =>
      typeof line === 'string'
        ? `<p>${escapeHtml(line)}</p>`
        : `<p><a href="${escapeHtml(line.link)}" style="display:inline-block;padding:10px 16px;background:#1f4fd1;color:#fff;text-decoration:none;border-radius:4px">Open the link</a></p><p style="font-size:12px;color:#555">${escapeHtml(line.link)}</p>`,
    )
    .join('\n');
  const html = `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5">\n${body}\n</body></html>\n`;
  return { subject, text, html };
}

function greeting(firstName: string): string {
  return firstName ? `Hello ${firstName},` : 'Hello,';
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
