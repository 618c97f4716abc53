/**
 * The emails Gatehouse sends, as pure functions of their variables: a subject, a plain-text body
 * and an HTML body in which every variable is escaped. Codes and links go in the body only:
 * subjects show in notification previews, lock screens and mail-server logs. The texts come from
 * src/i18n/ in the email's language (English and Spanish, overridable with MAIL_TEMPLATES_DIR).
 */
import type { Locale } from '../config/locales.js';
import { createTranslator, type TextVariables, type Translator } from '../i18n/translator.js';

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
  /** To the administrators who can enable it again: a webhook endpoint was disabled after repeated failures. */
  webhook_endpoint_disabled: { firstName: string; url: string; failures: number };
}

export type TemplateName = keyof EmailTemplates;

/** A template and its variables addressed to `To`. */
type MessageTo<To> = { [K in TemplateName]: { to: To; template: K; payload: EmailTemplates[K]; locale?: Locale | null } }[TemplateName];

/** A template and its variables, as stored in OutboxEmail. */
export type EmailMessage = MessageTo<string>;

/** A notice to an account's owner, whose address may be null (an account without one): see enqueueNotice. */
export type NoticeMessage = MessageTo<string | null>;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

type Renderer<K extends TemplateName> = (v: EmailTemplates[K], t: Text) => { subject: string; lines: Line[] };
/** A paragraph of text, or a link shown as a button in HTML and as a bare URL in text. */
type Line = string | { link: string };
/** The template's texts in the email's language (src/i18n/). */
type Text = (key: string, variables?: TextVariables) => string;

const renderers: { [K in TemplateName]: Renderer<K> } = {
  verification_code: (v, t) => ({
    subject: t('email.verification_code.subject'),
    lines: v.url
      ? [
          greeting(v.firstName, t),
          t('email.verification_code.codeAndLink', { code: v.code }),
          { link: v.url },
          t('email.verification_code.linkExpiry', { minutes: v.minutes }),
        ]
      : [greeting(v.firstName, t), t('email.verification_code.code', { code: v.code }), t('email.verification_code.expiry', { minutes: v.minutes })],
  }),
  password_reset: (v, t) => ({
    subject: t('email.password_reset.subject'),
    lines: [greeting(v.firstName, t), t('email.password_reset.intro'), { link: v.url }, t('email.password_reset.expiry', { minutes: v.minutes })],
  }),
  account_updated: (v, t) => ({
    subject: t('email.account_updated.subject'),
    lines: [greeting(v.firstName, t), t('email.account_updated.body', { fields: v.fields.join(', ') }), t('email.securityFooter')],
  }),
  password_changed: (v, t) => ({
    subject: t('email.password_changed.subject'),
    lines: [greeting(v.firstName, t), t('email.password_changed.body'), t('email.securityFooter')],
  }),
  email_change_code: (v, t) => ({
    subject: t('email.email_change_code.subject'),
    lines: [
      greeting(v.firstName, t),
      t('email.email_change_code.body', { newEmail: v.newEmail, code: v.code }),
      t('email.email_change_code.expiry', { minutes: v.minutes }),
    ],
  }),
  email_change_notice: (v, t) => ({
    subject: t('email.email_change_notice.subject'),
    lines: [greeting(v.firstName, t), t('email.email_change_notice.body', { newEmail: v.newEmail }), t('email.securityFooter')],
  }),
  factor_added: (v, t) => ({
    subject: t('email.factor_added.subject'),
    lines: [greeting(v.firstName, t), capitalise(t('email.factor_added.body', { factor: factorName(v.factor, t) })), t('email.securityFooter')],
  }),
  factor_removed: (v, t) => ({
    subject: t('email.factor_removed.subject'),
    lines: [
      greeting(v.firstName, t),
      capitalise(t(v.byAdmin ? 'email.factor_removed.byAdmin' : 'email.factor_removed.bySelf', { factor: factorName(v.factor, t) })),
      t('email.securityFooter'),
    ],
  }),
  recovery_code_used: (v, t) => ({
    subject: t('email.recovery_code_used.subject'),
    lines: [greeting(v.firstName, t), t('email.recovery_code_used.body', { count: v.remaining }), t('email.securityFooter')],
  }),
  recovery_codes_regenerated: (v, t) => ({
    subject: t('email.recovery_codes_regenerated.subject'),
    lines: [greeting(v.firstName, t), t('email.recovery_codes_regenerated.body'), t('email.securityFooter')],
  }),
  second_factor_failures: (v, t) => ({
    subject: t('email.second_factor_failures.subject'),
    lines: [
      greeting(v.firstName, t),
      v.ip ? t('email.second_factor_failures.bodyFrom', { ip: v.ip }) : t('email.second_factor_failures.body'),
      t('email.second_factor_failures.advice'),
    ],
  }),
  changed_by_admin: (v, t) => ({
    subject: t('email.changed_by_admin.subject'),
    lines: [
      greeting(v.firstName, t),
      v.change === 'email'
        ? v.newEmail
          ? t('email.changed_by_admin.email', { newEmail: v.newEmail })
          : t('email.changed_by_admin.emailUnknown')
        : t(`email.changed_by_admin.${v.change}`),
      t('email.changed_by_admin.footer'),
    ],
  }),
  sign_in_code: (v, t) => ({
    subject: t('email.sign_in_code.subject'),
    lines: [greeting(v.firstName, t), t('email.sign_in_code.intro', { code: v.code }), { link: v.url }, t('email.sign_in_code.expiry', { minutes: v.minutes })],
  }),
  identity_linked: (v, t) => ({
    subject: t('email.identity_linked.subject'),
    lines: [
      greeting(v.firstName, t),
      v.email ? t('email.identity_linked.bodyWithEmail', { provider: v.provider, email: v.email }) : t('email.identity_linked.body', { provider: v.provider }),
      t('email.identity_linked.advice'),
    ],
  }),
  identity_unlinked: (v, t) => ({
    subject: t('email.identity_unlinked.subject'),
    lines: [
      greeting(v.firstName, t),
      t(v.byAdmin ? 'email.identity_unlinked.byAdmin' : 'email.identity_unlinked.bySelf', { provider: v.provider }),
      t('email.securityFooter'),
    ],
  }),
  webhook_endpoint_disabled: (v, t) => ({
    subject: t('email.webhook_endpoint_disabled.subject'),
    lines: [
      greeting(v.firstName, t),
      t('email.webhook_endpoint_disabled.body', { url: v.url, failures: v.failures }),
      t('email.webhook_endpoint_disabled.advice'),
    ],
  }),
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The factor phrase a use case put in the payload (English, as outbox rows have always held it),
 * in the email's language; a phrase this does not know is shown as it is.
 */
function factorName(factor: string, t: Text): string {
  const passkey = /^the passkey \u201C(.*)\u201D$/s.exec(factor);
  if (passkey) return t('email.factors.passkey', { name: passkey[1]! });
  const known: Record<string, string> = {
    'an authenticator app': 'email.factors.anAuthenticatorApp',
    'the authenticator app': 'email.factors.theAuthenticatorApp',
    'every second factor (authenticator app, recovery codes and passkeys)': 'email.factors.everyFactor',
  };
  return Object.hasOwn(known, factor) ? t(known[factor]!) : factor;
}

/** The built-in texts, for callers that pass no translator (tests of the templates). */
let builtIn: Translator | undefined;

export interface RenderOptions {
  /** @default 'en' */
  locale?: Locale;
  /** The texts, with MAIL_TEMPLATES_DIR's overrides (Deps.translator). @default the built-in texts */
  translator?: Translator;
}

export function renderEmail<K extends TemplateName>(template: K, variables: EmailTemplates[K], options: RenderOptions = {}): RenderedEmail {
  const translator = options.translator ?? (builtIn ??= createTranslator());
  const locale = options.locale ?? 'en';
  const t: Text = (key, vars) => translator.t(locale, key, vars);
  const { subject, lines } = (renderers[template] as Renderer<K>)(variables, t);
  const text = `${lines.map((line) => (typeof line === 'string' ? line : line.link)).join('\n\n')}\n`;
  const body = lines
    .map((line) =>
      typeof line === 'string'
        ? `<p>${escapeHtml(line)}</p>`
        : `<p><a href="${escapeHtml(line.link)}" style="display:inline-block;padding:10px 16px;background:#1f4fd1;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(t('email.openLink'))}</a></p><p style="font-size:12px;color:#555">${escapeHtml(line.link)}</p>`,
    )
    .join('\n');
  const html = `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5">\n${body}\n</body></html>\n`;
  return { subject, text, html };
}

function greeting(firstName: string, t: Text): string {
  return firstName ? t('email.greeting', { firstName }) : t('email.greetingAnonymous');
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
