/** The admin app (/admin): staff manage users, groups, permissions, the audit log and webhooks. */
import '../shared/styles.css';
import './admin.css';
import { mountConsole } from '../shared/app';
import { refuse, routes, useNav } from './routes';
import { t } from './texts';

mountConsole({ title: () => t('appTitle'), base: '/admin', routes, nav: useNav, refuse });
