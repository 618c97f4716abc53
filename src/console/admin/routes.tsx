/** The admin app's pages (staff only: see main.tsx's `refuse`). See src/console/README.md for adding one. */
import type { ConsoleRoute, NavItem } from '../shared/app';
import type { Viewer } from '../shared/viewer';
import { AuditPage } from './pages/audit';
import { GroupsPage, PermissionsPage } from './pages/groups';
import { NewUserPage } from './pages/new-user';
import { UserPage } from './pages/user';
import { UsersPage } from './pages/users';
import { WebhooksPage } from './pages/webhooks';
import { t } from './texts';

export const routes: ConsoleRoute[] = [
  { path: '/admin', component: UsersPage },
  { path: '/admin/users/new', component: NewUserPage },
  { path: '/admin/users/:id', component: UserPage },
  { path: '/admin/groups', component: GroupsPage },
  { path: '/admin/permissions', component: PermissionsPage },
  { path: '/admin/audit', component: AuditPage },
  { path: '/admin/webhooks', component: WebhooksPage },
];

export function nav(viewer: Viewer): NavItem[] {
  if (refuse(viewer)) return [];
  return [
    { href: '/admin', label: t('navUsers') },
    { href: '/admin/users/new', label: t('navNewUser') },
    { href: '/admin/groups', label: t('navGroups') },
    { href: '/admin/permissions', label: t('navPermissions') },
    { href: '/admin/audit', label: t('navAudit') },
    { href: '/admin/webhooks', label: t('navWebhooks') },
  ];
}

/** Signed in but not staff (nor superuser): the app has nothing for them. */
export function refuse(viewer: Viewer): string | null {
  return viewer.isStaff || viewer.isSuperuser ? null : t('noAccess');
}
