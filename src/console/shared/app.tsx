/**
 * One console app (account, admin): the layout, the router, and who is signed in. An app calls
 * `mountConsole` from its main.tsx with its routes; a route that is not `public` shows the sign-in
 * page in place until someone signs in (the URL stays, so a deep link works after signing in).
 * See src/console/README.md for adding a page.
 */
import type { ComponentChildren, ComponentType } from 'preact';
import { createContext, render } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { gql, refreshSession } from './client';
import { LOCALES, locale, setLocale, useLocale } from './i18n';
import { SignIn } from './sign-in';
import { t } from './texts';
import { Page } from './ui';
import { Logout, Me, SaveLocale, type Viewer } from './viewer';

export interface ConsoleRoute {
  /** The full path, e.g. `/account/password`; `:name` segments reach the component as props. */
  path: string;
  component: ComponentType;
  /** Reachable signed out (register, reset password...). */
  public?: boolean;
}

export interface NavItem {
  href: string;
  label: string;
}

export interface ConsoleOptions {
  /** The app's name in the header, in the current language. */
  title: () => string;
  /** Where the app lives, e.g. `/account`. */
  base: string;
  routes: ConsoleRoute[];
  /**
   * The links of the header, for the viewer signed in. Called while rendering a component of its
   * own, so it may be a hook (admin: `useNav` waits for the viewer's permissions and offers only
   * the pages they may view); the header redraws when that hook's state changes.
   */
  nav: (viewer: Viewer) => NavItem[];
  /** What a signed-in viewer may not use this app for, in words (e.g. admin: not staff); null: may. */
  refuse?: (viewer: Viewer) => string | null;
  /** Shown under the sign-in form. */
  signInLinks?: ComponentType;
}

interface Session {
  viewer: Viewer | null;
  /** Replaces the viewer (after sign-in, a profile change, sign-out). */
  setViewer: (viewer: Viewer | null) => void;
}

const SessionContext = createContext<Session>({ viewer: null, setViewer: () => undefined });

/** The signed-in viewer and the way to change it; inside a route that is not public, `viewer` is set. */
export function useSession(): Session {
  return useContext(SessionContext);
}

/** The signed-in viewer, in a route that is not public. */
export function useViewer(): Viewer {
  const { viewer } = useSession();
  if (!viewer) throw new Error('useViewer outside a signed-in route');
  return viewer;
}

export function mountConsole(options: ConsoleOptions): void {
  render(<ConsoleRoot options={options} />, document.getElementById('app')!);
}

function ConsoleRoot({ options }: { options: ConsoleOptions }) {
  useLocale();
  const [viewer, setViewerState] = useState<Viewer | null | undefined>(undefined);
  useEffect(() => {
    // `me` answers null for a missing or expired access cookie: renew it once before concluding.
    const load = async () => (await gql(Me)).me ?? ((await refreshSession()) ? (await gql(Me)).me : null);
    load().then(setViewer, () => setViewer(null));
  }, []);
  const setViewer = (next: Viewer | null) => {
    if (next?.locale) setLocale(next.locale);
    setViewerState(next);
  };
  return (
    <SessionContext.Provider value={{ viewer: viewer ?? null, setViewer }}>
      <LocationProvider scope={options.base}>
        <Layout options={options} viewer={viewer ?? null}>
          {viewer === undefined ? <p role="status">{t('loading')}</p> : <Routes options={options} viewer={viewer} onSignedIn={setViewer} />}
        </Layout>
      </LocationProvider>
    </SessionContext.Provider>
  );
}

const OptionsContext = createContext<ConsoleOptions | null>(null);

function Routes({ options, viewer, onSignedIn }: { options: ConsoleOptions; viewer: Viewer | null; onSignedIn: (viewer: Viewer) => void }) {
  return (
    <OptionsContext.Provider value={options}>
      <Router>
        {[
          ...options.routes.map((route) => (
            <Route key={route.path} path={route.path} component={Guarded} target={route} viewer={viewer} onSignedIn={onSignedIn} />
          )),
          <Route key="default" default component={Guarded} target={options.routes[0]} viewer={viewer} onSignedIn={onSignedIn} />,
        ]}
      </Router>
    </OptionsContext.Provider>
  );
}

/** A route's page, or in its place the sign-in page (signed out) or the app's refusal. */
function Guarded({ target, viewer, onSignedIn }: { target: ConsoleRoute; viewer: Viewer | null; onSignedIn: (viewer: Viewer) => void }) {
  const options = useContext(OptionsContext)!;
  useLocale();
  const Component = target.component;
  if (target.public) return <Component />;
  if (!viewer) {
    const Links = options.signInLinks;
    return <SignIn onSignedIn={onSignedIn}>{Links ? <Links /> : null}</SignIn>;
  }
  const refusal = options.refuse?.(viewer);
  if (refusal) {
    return (
      <Page title={options.title()}>
        <p role="alert">{refusal}</p>
      </Page>
    );
  }
  return <Component />;
}

function Layout({ options, viewer, children }: { options: ConsoleOptions; viewer: Viewer | null; children: ComponentChildren }) {
  const { setViewer } = useSession();
  const { route, path } = useLocation();
  const chooseLocale = (next: string) => {
    setLocale(next);
    // Signed in, the profile keeps the choice: emails and error messages follow it too.
    if (viewer)
      gql(SaveLocale, { locale: next }).then(
        ({ updateProfile }) => setViewer(updateProfile),
        () => undefined,
      );
  };
  const signOut = async () => {
    await gql(Logout).catch(() => undefined);
    setViewer(null);
    route(options.base);
  };
  return (
    <>
      <a class="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header class="top">
        <a class="brand" href={options.base}>
          {options.title()}
        </a>
        {viewer ? <Nav options={options} viewer={viewer} path={path} /> : null}
        <div class="tools">
          <label class="inline">
            <span>{t('language')}</span>
            <select value={locale()} onChange={(event) => chooseLocale(event.currentTarget.value)}>
              {LOCALES.map((code) => (
                <option key={code} value={code}>
                  {code === 'en' ? t('english') : t('spanish')}
                </option>
              ))}
            </select>
          </label>
          {viewer ? (
            <>
              <span class="who">{t('signedInAs', { email: viewer.email ?? '—' })}</span>
              <button type="button" class="secondary" onClick={() => void signOut()}>
                {t('signOut')}
              </button>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** The header's links: a component of its own so that `options.nav` may use hooks (see ConsoleOptions). */
function Nav({ options, viewer, path }: { options: ConsoleOptions; viewer: Viewer; path: string }) {
  const items = options.nav(viewer);
  if (!items.length) return null;
  return (
    <nav aria-label={options.title()}>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href} aria-current={path === item.href ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
