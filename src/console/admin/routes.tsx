/** The admin app's pages (staff only: see main.tsx's `refuse`). See src/console/README.md for adding one. */
import type { ConsoleRoute, NavItem } from '../shared/app';
import type { Viewer } from '../shared/viewer';
import { useAccess } from './access';
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

/** The sections of the header and the permission each one's list needs (src/schema/admin/). */
const SECTIONS: { href: string; label: () => string; needs: string }[] = [
  { href: '/admin', label: () => t('navUsers'), needs: 'users.view_user' },
  { href: '/admin/users/new', label: () => t('navNewUser'), needs: 'users.add_user' },
  { href: '/admin/groups', label: () => t('navGroups'), needs: 'groups.view_group' },
  { href: '/admin/permissions', label: () => t('navPermissions'), needs: 'permissions.view_permission' },
  { href: '/admin/audit', label: () => t('navAudit'), needs: 'audit.view_auditevent' },
  { href: '/admin/webhooks', label: () => t('navWebhooks'), needs: 'webhooks.view_webhookendpoint' },
];

/**
 * The header's links: only the sections the viewer may view, once their permissions have loaded
 * (none before). A hook (see ConsoleOptions.nav). A page opened by a deep link still says which
 * permission it needs, and the server refuses the query anyway.
 */
export function useNav(viewer: Viewer): NavItem[] {
  const staff = !refuse(viewer);
  const access = useAccess(viewer, staff);
  if (!staff || !access) return [];
  return SECTIONS.filter((section) => access.can(section.needs)).map((section) => ({ href: section.href, label: section.label() }));
}

/** Signed in but not staff (nor superuser): the app has nothing for them. */
export function refuse(viewer: Viewer): string | null {
  return viewer.isStaff || viewer.isSuperuser ? null : t('noAccess');
}
