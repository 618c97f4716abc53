/**
 * Operators' own permission codenames (for their apps). Built-in permissions, the ones Gatehouse
 * itself checks, cannot be changed or deleted. A codename is fixed once created: renaming one
 * would hand whatever it came to mean to everyone already holding it.
 */
import { authStateChanged } from '../auth/cache/invalidate.js';
import { recordAudit } from '../audit/record.js';
import { CODENAME_PATTERN, MAX_CODENAME_LENGTH } from '../auth/permissions/builtin.js';
import { isUniqueViolation } from '../db/errors.js';
import { serializable, type Tx } from '../db/transaction.js';
import { fieldError, GatehouseError, validationError, type FieldError } from '../errors.js';
import type { Permission } from '../generated/sqlite/client.js';
import type { Deps } from '../deps.js';
import { auditBy, type Actor } from './actor.js';

type AdminDeps = Pick<Deps, 'prisma' | 'clock' | 'authCache' | 'config'>;

const MAX_NAME = 255;
const MAX_DESCRIPTION = 1000;

export interface PermissionInput {
  codename?: string | null;
  name?: string | null;
  description?: string | null;
}

function validatePermission(input: PermissionInput): { codename?: string; name?: string; description?: string } {
  const problems: FieldError[] = [];
  const out: { codename?: string; name?: string; description?: string } = {};
  if (input.codename !== undefined) {
    const codename = (input.codename ?? '').trim();
    if (codename.length > MAX_CODENAME_LENGTH || !CODENAME_PATTERN.test(codename)) {
      problems.push(fieldError('codename', 'invalid_codename', 'codenameFormat'));
    }
    out.codename = codename;
  }
  for (const [field, max] of [
    ['name', MAX_NAME],
    ['description', MAX_DESCRIPTION],
  ] as const) {
    if (input[field] === undefined) continue;
    const value = (input[field] ?? '').trim();
    if (value.length > max) problems.push(fieldError(field, 'too_long', 'tooLong', { max }));
    out[field] = value;
  }
  if (problems.length) throw validationError(problems);
  return out;
}

const codenameTaken = () =>
  new GatehouseError('CONFLICT', {
    message: 'A permission with this codename already exists.',
    fields: [fieldError('codename', 'codename_taken', 'codenameTaken')],
  });

async function loadCustom(tx: Pick<Tx, 'permission'>, id: string): Promise<Permission> {
  const permission = await tx.permission.findUnique({ where: { id } });
  if (!permission) throw new GatehouseError('NOT_FOUND', { message: 'No such permission.' });
  if (permission.builtIn)
    throw new GatehouseError('FORBIDDEN', { message: `${permission.codename} is built in: Gatehouse relies on it, so it cannot be changed or deleted.` });
  return permission;
}

export async function createPermission(deps: AdminDeps, actor: Actor, input: PermissionInput): Promise<Permission> {
  const data = validatePermission({ codename: input.codename ?? null, name: input.name ?? '', description: input.description ?? '' });
  try {
    return await serializable(deps.prisma, async (tx) => {
      const permission = await tx.permission.create({
        data: { codename: data.codename!, name: data.name ?? '', description: data.description ?? '', builtIn: false },
      });
      await recordAudit(
        tx,
        { type: 'admin.permission_created', ...auditBy(actor), metadata: { permissionId: permission.id, codename: permission.codename } },
        deps.clock.now(),
      );
      return permission;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codenameTaken();
    throw error;
  }
}

export async function updatePermission(deps: AdminDeps, actor: Actor, id: string, input: Omit<PermissionInput, 'codename'>): Promise<Permission> {
  const data = validatePermission({ name: input.name, description: input.description });
  return serializable(deps.prisma, async (tx) => {
    const before = await loadCustom(tx, id);
    const after = await tx.permission.update({ where: { id }, data });
    const changed = (['name', 'description'] as const).filter((key) => before[key] !== after[key]);
    if (changed.length) {
      await recordAudit(
        tx,
        { type: 'admin.permission_updated', ...auditBy(actor), metadata: { permissionId: id, codename: after.codename, changed } },
        deps.clock.now(),
      );
    }
    return after;
  });
}

export async function deletePermission(deps: AdminDeps, actor: Actor, id: string): Promise<string> {
  return serializable(deps.prisma, async (tx) => {
    const permission = await loadCustom(tx, id);
    await tx.permission.delete({ where: { id } });
    await authStateChanged(deps, tx, { permissions: true });
    await recordAudit(
      tx,
      { type: 'admin.permission_deleted', ...auditBy(actor), metadata: { permissionId: id, codename: permission.codename } },
      deps.clock.now(),
    );
    return id;
  });
}
