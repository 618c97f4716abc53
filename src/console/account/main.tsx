/** The account app (/account): every user's own account. Its pages are the routes below. */
import '../shared/styles.css';
import { mountConsole } from '../shared/app';
import { routes, nav, SignInLinks } from './routes';
import { t } from './texts';

mountConsole({ title: () => t('appTitle'), base: '/account', routes, nav, signInLinks: SignInLinks });
