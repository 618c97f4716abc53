/**
 * The account app's pages. Adding one: write `pages/<name>.tsx` (a component rendering
 * `<Page title=...>`, its operations written with `graphql(...)` beside it, then `npm run codegen`),
 * add its texts to texts.ts in English and Spanish, and a line here (plus a nav entry if it is a
 * section). See src/console/README.md.
 */
import type { ConsoleRoute, NavItem } from '../shared/app';
import type { Viewer } from '../shared/viewer';
import { DevicesPage, IdentitiesPage } from './pages/devices';
import { CALLBACK_PATH, OAuthCallbackPage, SocialSignIn } from './pages/oauth';
import { Overview } from './pages/overview';
import { PasskeysPage } from './pages/passkeys';
import { ForgotPassword, RegisterPage, ResetPasswordPage, VerifyEmailPage } from './pages/public-pages';
import { EmailPage, PasswordPage, ProfilePage } from './pages/settings-pages';
import { TwoStepPage } from './pages/two-step';
import { t } from './texts';

export const routes: ConsoleRoute[] = [
  { path: '/account', component: Overview },
  { path: '/account/register', component: RegisterPage, public: true },
  { path: '/account/verify-email', component: VerifyEmailPage, public: true },
  { path: '/account/forgot-password', component: ForgotPassword, public: true },
  { path: '/account/reset-password', component: ResetPasswordPage, public: true },
  { path: CALLBACK_PATH, component: OAuthCallbackPage, public: true },
  { path: '/account/profile', component: ProfilePage },
  { path: '/account/password', component: PasswordPage },
  { path: '/account/email', component: EmailPage },
  { path: '/account/two-step', component: TwoStepPage },
  { path: '/account/passkeys', component: PasskeysPage },
  { path: '/account/linked-accounts', component: IdentitiesPage },
  { path: '/account/devices', component: DevicesPage },
];

export function nav(_viewer: Viewer): NavItem[] {
  return [
    { href: '/account', label: t('navOverview') },
    { href: '/account/profile', label: t('navProfile') },
    { href: '/account/password', label: t('navPassword') },
    { href: '/account/email', label: t('navEmail') },
    { href: '/account/two-step', label: t('navTwoStep') },
    { href: '/account/passkeys', label: t('navPasskeys') },
    { href: '/account/linked-accounts', label: t('navIdentities') },
    { href: '/account/devices', label: t('navDevices') },
  ];
}

/** Under the sign-in form. */
export function SignInLinks() {
  return (
    <>
      <SocialSignIn />
      <p class="links">
        <a href="/account/register">{t('createAccount')}</a>
        <a href="/account/forgot-password">{t('forgotPassword')}</a>
        <a href="/account/verify-email">{t('haveCode')}</a>
      </p>
    </>
  );
}
