/**
 * What the signed-in staff member may do, from `myPermissions`, so the pages offer only that: a
 * button the viewer may not use is hidden or disabled with its reason. This is a courtesy, not a
 * defence: the server decides every call again (scope-auth on the field, the guards of
 * src/admin/ in the use case), and the page shows its refusal in words.
 */
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../gql';
import { gql } from '../shared/client';
import type { Viewer } from '../shared/viewer';
import { t } from './texts';

const MyAccess = graphql(`
  query ConsoleAdminMyAccess {
    myPermissions {
      groups
      permissions
      isSuperuser
    }
  }
`);

export interface Access {
  viewerId: string;
  isSuperuser: boolean;
  permissions: ReadonlySet<string>;
  groups: ReadonlySet<string>;
  /** Holds the permission (superusers hold all). */
  can(codename: string): boolean;
}

let cached: { viewerId: string; promise: Promise<Access> } | null = null;

function load(viewer: Viewer): Promise<Access> {
  if (cached?.viewerId !== viewer.id) {
    const promise = gql(MyAccess).then(({ myPermissions }) => {
      const permissions = new Set(myPermissions.permissions);
      return {
        viewerId: viewer.id,
        isSuperuser: myPermissions.isSuperuser,
        permissions,
        groups: new Set(myPermissions.groups),
        can: (codename: string) => myPermissions.isSuperuser || permissions.has(codename),
      };
    });
    // A failure is not kept: the next page asks again.
    promise.catch(() => (cached = null));
    cached = { viewerId: viewer.id, promise };
  }
  return cached.promise;
}

/** The viewer's access, or null while it loads (or when `wanted` is false: not staff, nothing to ask). */
export function useAccess(viewer: Viewer, wanted = true): Access | null {
  const [access, setAccess] = useState<Access | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    load(viewer).then(
      (loaded) => live && setAccess(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [viewer.id, wanted]);
  return access;
}

/** Why the viewer may not manage `target` (src/admin/guards.ts's assertCanManage), or null. */
export function manageRefusal(access: Access, target: { id: string; isSuperuser: boolean; holds: { permissions: string[]; groups: string[] } }): string | null {
  if (access.isSuperuser) return null;
  if (target.isSuperuser && target.id !== access.viewerId) return t('onlySuperuser');
  const lacking = [
    ...target.holds.permissions.filter((codename) => !access.permissions.has(codename)),
    ...target.holds.groups.filter((name) => !access.groups.has(name)),
  ];
  return lacking.length ? t('holdsMore', { what: [...new Set(lacking)].sort().join(', ') }) : null;
}

/** The reason a missing permission gives. */
export function needs(codename: string): string {
  return t('missingPermission', { codename });
}
