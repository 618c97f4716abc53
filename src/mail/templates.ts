/**
 * The emails Gatehouse sends, as pure functions of their variables: a subject, a plain-text body
 * and an HTML body in which every variable is escaped. Codes and links go in the body only:
 * subjects show in notification previews, lock screens and mail-server logs.
 */

export interface EmailTemplates {
  verification_code: { firstName: string; code: string; minutes: number };
  password_reset: { firstName: string; url: string; minutes: number };
  account_updated: { firstName: string; fields: string[] };
  password_changed: { firstName: string };
  email_change_code: { firstName: string; code: string; minutes: number; newEmail: string };
  email_change_notice: { firstName: string; newEmail: string };
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
    lines: [greeting(v.firstName), `Your verification code is ${v.code}.`, `It expires in ${v.minutes} minutes. If you did not sign up, ignore this email.`],
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
};

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
