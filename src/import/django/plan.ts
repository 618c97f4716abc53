/**
 * Reads a `manage.py dumpdata` document into what Gatehouse will hold: permissions named
 * `app_label.codename`, groups with their permissions, and users with theirs. Pure: no database.
 * Rows that cannot be brought across are listed with a reason instead.
 *
 * Foreign keys may be natural keys (`--natural-foreign`: content types as [app_label, model],
 * permissions as [codename, app_label, model], groups as [name]) or primary keys, which resolve
 * against the rows of the same dump (content types need the `contenttypes` rows then).
 *
 * A dump is data from another system, not a grant of Gatehouse's own powers: permissions in the
 * namespaces of Gatehouse's built-in ones (`users.*`, `groups.*`, …) and a group named Root are
 * skipped, with the grants and memberships that point at them; password hashes that cost more
 * than a login can afford (../../../auth/passwords/hash-caps.ts) are left out.
 */
import { normalizeUsername } from '../../users/username.js';
import { isLegacyHash } from '../../auth/passwords/legacy/index.js';
import { isValidEmail, normalizeEmail } from '../../users/email.js';
import { hashOverCaps } from '../../auth/passwords/hash-caps.js';
import { BUILT_IN_PERMISSIONS, ROOT_GROUP } from '../../auth/permissions/builtin.js';
import { NON_DJANGO_FIELDS, type NonDjangoField } from '../../config/profile-fields.js';
import type { FlagField, ImportOptions } from './options.js';

export interface PlannedPermission {
  codename: string;
  name: string;
}

export interface PlannedGroup {
  name: string;
  permissions: string[];
}

export interface PlannedUser {
  /** Where it came from, for the report: `auth.user pk=3 (bob)`. */
  source: string;
  /** Null: a Django user with an empty email, imported only when usernames sign in (PlanContext). */
  email: string | null;
  username: string | null;
  firstName: string;
  lastName: string;
  /** The Django hash, kept as it is; null for an unusable or unsupported one. */
  passwordHash: string | null;
  isActive: boolean;
  isStaff: boolean;
  isSuperuser: boolean;
  role: 'USER' | 'STAFF' | 'ADMIN';
  lastLoginAt: Date | null;
  createdAt: Date | null;
  /** The profile fields Django's own model lacks, read from a custom model's columns. */
  profile: Partial<Record<NonDjangoField, string>>;
  /** The custom attributes read from the columns `attributes` names (validated when applied). */
  attributes: Record<string, unknown>;
  /** Their stored text once checked against USER_ATTRIBUTES_SCHEMA (./attributes.ts). */
  attributesText?: string;
  groups: string[];
  permissions: string[];
}

export interface SkippedRow {
  kind: 'permission' | 'group' | 'user';
  source: string;
  reason: string;
}

export interface ImportPlan {
  permissions: PlannedPermission[];
  groups: PlannedGroup[];
  users: PlannedUser[];
  /** Rows left out entirely. */
  skipped: SkippedRow[];
  /** Rows brought across with something left out (an unknown group, an unsupported password). */
  warnings: SkippedRow[];
  /** Rows of other models, by model, ignored. */
  ignored: Record<string, number>;
}

interface Row {
  model: string;
  pk?: unknown;
  fields: Record<string, unknown>;
}

/**
 * App labels Gatehouse's own permissions live under (users, groups, permissions, sessions, audit).
 * The whole namespace, not just today's codenames: Gatehouse may check more of them later.
 */
const RESERVED_APP_LABELS = new Set<string>(BUILT_IN_PERMISSIONS.map((p) => p.codename.split('.')[0]!));

function isReservedCodename(codename: string): boolean {
  return RESERVED_APP_LABELS.has(codename.split('.')[0]!);
}

/** Root in any case: apps compare group names, and some of them without regard to case. */
function isReservedGroup(name: string): boolean {
  return name.trim().toLowerCase() === ROOT_GROUP.toLowerCase();
}

const RESERVED_PERMISSION = `a Gatehouse built-in permission namespace (${[...RESERVED_APP_LABELS].map((label) => `${label}.*`).join(', ')}): grant it in Gatehouse if you mean to`;
const RESERVED_GROUP = `the group name ${ROOT_GROUP} is reserved for Gatehouse superusers`;

/** What of the server's configuration the plan depends on. */
export interface PlanContext {
  /**
   * LOGIN_IDENTIFIERS: with `username` or `both`, a Django user with an empty email is imported
   * without an address (signing in by username); with `email` it is skipped, as it could not sign in.
   * @default 'email'
   */
  loginIdentifiers: 'email' | 'username' | 'both';
}

/** @throws Error when the document is not a dumpdata JSON array. */
export function planImport(document: unknown, options: ImportOptions, context: PlanContext = { loginIdentifiers: 'email' }): ImportPlan {
  if (!Array.isArray(document)) throw new Error('not a dumpdata document: expected a JSON array of {model, pk, fields} objects');
  const rows: Row[] = document.map((row: unknown, index) => {
    const r = row as Partial<Row> | null;
    if (!r || typeof r.model !== 'string' || typeof r.fields !== 'object' || r.fields === null) {
      throw new Error(`not a dumpdata document: row ${index} has no model and fields`);
    }
    return { model: r.model.toLowerCase(), pk: r.pk, fields: r.fields };
  });
  const plan: ImportPlan = { permissions: [], groups: [], users: [], skipped: [], warnings: [], ignored: {} };

  // Content types by pk, for permissions dumped without natural keys.
  const contentTypes = new Map<string, string>();
  for (const row of rows.filter((r) => r.model === 'contenttypes.contenttype')) {
    const { app_label, model } = row.fields;
    if (typeof app_label === 'string' && typeof model === 'string') contentTypes.set(String(row.pk), app_label);
  }

  // Permissions: our codename by Django natural key and by pk.
  const permissionByRef = new Map<string, string>();
  const permissions = new Map<string, PlannedPermission>();
  for (const row of rows.filter((r) => r.model === 'auth.permission')) {
    const source = `auth.permission ${row.pk === undefined ? '' : `pk=${String(row.pk)} `}(${String(row.fields.codename)})`;
    const { codename, name, content_type: contentType } = row.fields;
    if (typeof codename !== 'string' || !codename) {
      plan.skipped.push({ kind: 'permission', source, reason: 'no codename' });
      continue;
    }
    let appLabel: string | undefined;
    let model: string | undefined;
    if (Array.isArray(contentType) && typeof contentType[0] === 'string') [appLabel, model] = contentType as [string, string];
    else if (typeof contentType === 'number' || typeof contentType === 'string') appLabel = contentTypes.get(String(contentType));
    if (!appLabel) {
      plan.skipped.push({
        kind: 'permission',
        source,
        reason: `unknown content type ${JSON.stringify(contentType)} (dump with --natural-foreign, or include contenttypes)`,
      });
      continue;
    }
    const ours = `${appLabel}.${codename}`;
    if (isReservedCodename(ours)) plan.skipped.push({ kind: 'permission', source, reason: `${ours} is in ${RESERVED_PERMISSION}` });
    else if (!permissions.has(ours)) permissions.set(ours, { codename: ours, name: typeof name === 'string' ? name : '' });
    if (model) permissionByRef.set(JSON.stringify([codename, appLabel, model]), ours);
    if (row.pk !== undefined) permissionByRef.set(String(row.pk), ours);
  }
  plan.permissions = [...permissions.values()];
  const resolvePermission = (ref: unknown): string | undefined => {
    if (Array.isArray(ref)) {
      // A natural key of a permission not in the dump still names it fully.
      const [codename, appLabel] = ref as unknown[];
      const known = permissionByRef.get(JSON.stringify(ref));
      if (known) return known;
      if (typeof codename === 'string' && typeof appLabel === 'string') {
        const ours = `${appLabel}.${codename}`;
        if (!permissions.has(ours) && !isReservedCodename(ours)) {
          permissions.set(ours, { codename: ours, name: '' });
          plan.permissions.push(permissions.get(ours)!);
        }
        return ours;
      }
      return undefined;
    }
    return permissionByRef.get(String(ref));
  };
  /** Resolves a grant; a reserved or unknown one is reported on `at` and left out. */
  const grantable = (ref: unknown, at: Omit<SkippedRow, 'reason'>): string | undefined => {
    const codename = resolvePermission(ref);
    if (codename && !isReservedCodename(codename)) return codename;
    plan.warnings.push({
      ...at,
      reason: codename ? `grant of ${codename} left out: ${codename} is in ${RESERVED_PERMISSION}` : `unknown permission ${JSON.stringify(ref)} left out`,
    });
    return undefined;
  };

  // Groups, by name and pk.
  const groupByPk = new Map<string, string>();
  const groups = new Map<string, PlannedGroup>();
  for (const row of rows.filter((r) => r.model === 'auth.group')) {
    const name = typeof row.fields.name === 'string' ? row.fields.name.trim() : '';
    const source = `auth.group ${row.pk === undefined ? '' : `pk=${String(row.pk)} `}(${name})`;
    if (!name) {
      plan.skipped.push({ kind: 'group', source, reason: 'no name' });
      continue;
    }
    if (isReservedGroup(name)) {
      plan.skipped.push({ kind: 'group', source, reason: RESERVED_GROUP });
      if (row.pk !== undefined) groupByPk.set(String(row.pk), name);
      continue;
    }
    const group = groups.get(name) ?? { name, permissions: [] };
    groups.set(name, group);
    if (row.pk !== undefined) groupByPk.set(String(row.pk), name);
    for (const ref of asArray(row.fields.permissions)) {
      const codename = grantable(ref, { kind: 'group', source });
      if (codename) pushUnique(group.permissions, codename);
    }
  }
  plan.groups = [...groups.values()];

  // Users.
  const f = options.fields;
  const byEmail = new Map<string, PlannedUser[]>();
  const addressless: PlannedUser[] = [];
  for (const row of rows.filter((r) => r.model === options.userModel)) {
    const get = (field: keyof ImportOptions['fields']) => (f[field] ? row.fields[f[field]] : undefined);
    const rawEmail = get('email');
    // NFKC as Gatehouse stores usernames (Django's create_user normalises them the same way already).
    const username = typeof get('username') === 'string' && normalizeUsername(get('username') as string) ? normalizeUsername(get('username') as string) : null;
    const source = `${options.userModel} pk=${String(row.pk)}${username ? ` (${username})` : ''}`;
    const noEmail = typeof rawEmail !== 'string' || !rawEmail.trim();
    if (noEmail && context.loginIdentifiers === 'email') {
      plan.skipped.push({
        kind: 'user',
        source,
        reason: 'no email (LOGIN_IDENTIFIERS=email signs in by address; with username or both it is imported without one)',
      });
      continue;
    }
    if (noEmail && !username) {
      plan.skipped.push({ kind: 'user', source, reason: 'no email and no username: nothing to sign in with' });
      continue;
    }
    const email = noEmail ? null : normalizeEmail(rawEmail);
    if (email !== null && !isValidEmail(email)) {
      plan.skipped.push({ kind: 'user', source, reason: `invalid email ${JSON.stringify(rawEmail)}` });
      continue;
    }
    const flag = (name: FlagField) =>
      readFlag(name, f[name], row.fields, options.valueMaps[name], (reason) => plan.warnings.push({ kind: 'user', source, reason }));
    const isSuperuser = flag('isSuperuser');
    const isStaff = flag('isStaff');
    const isActive = flag('isActive');
    const user: PlannedUser = {
      source,
      email,
      username,
      firstName: text(get('firstName')),
      lastName: text(get('lastName')),
      passwordHash: null,
      isActive,
      isStaff,
      isSuperuser,
      // Kept in step with the flags, as everywhere in Gatehouse.
      role: isSuperuser ? 'ADMIN' : isStaff ? 'STAFF' : 'USER',
      lastLoginAt: djangoDate(get('lastLogin')),
      createdAt: djangoDate(get('dateJoined')),
      profile: {},
      attributes: {},
      groups: [],
      permissions: [],
    };
    const password = get('password');
    if (typeof password === 'string' && password && !password.startsWith('!')) {
      const supported = password.startsWith('$argon2') || isLegacyHash(password);
      // Kept, it would cost that much work on every sign-in attempt, by anyone who types the address.
      const tooCostly = supported ? hashOverCaps(password) : null;
      if (tooCostly) plan.warnings.push({ kind: 'user', source, reason: `password hash refused (${tooCostly}): imported without a password (reset needed)` });
      else if (supported) user.passwordHash = password;
      else
        plan.warnings.push({
          kind: 'user',
          source,
          reason: `unsupported password hash ${hashAlgorithm(password)}: imported without a password (reset needed)`,
        });
    }
    for (const key of NON_DJANGO_FIELDS) {
      const value = get(key);
      if (typeof value === 'string' && value.trim()) user.profile[key] = value.trim();
    }
    for (const [name, column] of Object.entries(options.attributes)) {
      if (!(column in row.fields) || row.fields[column] === null) continue;
      const raw = row.fields[column];
      const map = options.valueMaps[name];
      if (!map) user.attributes[name] = raw;
      else if (String(raw) in map) user.attributes[name] = map[String(raw)];
      else
        plan.warnings.push({
          kind: 'user',
          source,
          reason: `attribute ${name}: value ${JSON.stringify(raw)} of column "${column}" is not in valueMaps.${name}; left out`,
        });
    }
    for (const ref of asArray(get('groups'))) {
      const name = Array.isArray(ref) ? (typeof ref[0] === 'string' ? ref[0] : undefined) : groupByPk.get(String(ref));
      if (name && groups.has(name)) pushUnique(user.groups, name);
      else if (name && isReservedGroup(name)) plan.warnings.push({ kind: 'user', source, reason: `membership of ${name} left out: ${RESERVED_GROUP}` });
      else plan.warnings.push({ kind: 'user', source, reason: `unknown group ${JSON.stringify(ref)} left out` });
    }
    for (const ref of asArray(get('userPermissions'))) {
      const codename = grantable(ref, { kind: 'user', source });
      if (codename) pushUnique(user.permissions, codename);
    }
    // Without an address there is nothing to share: such users stand apart (their usernames are unique in Django).
    if (email === null) addressless.push(user);
    else byEmail.set(email, [...(byEmail.get(email) ?? []), user]);
  }
  for (const [email, users] of byEmail) {
    // Two Django accounts, one address after normalisation: which person owns it is not ours to
    // guess, so neither is imported; fix the addresses in Django and import again.
    if (users.length > 1) {
      for (const user of users)
        plan.skipped.push({
          kind: 'user',
          source: user.source,
          reason: `duplicate email ${email} (also ${users
            .filter((u) => u !== user)
            .map((u) => u.source)
            .join(', ')})`,
        });
    } else plan.users.push(users[0]!);
  }
  plan.users.push(...addressless);

  for (const row of rows) {
    if (!['contenttypes.contenttype', 'auth.permission', 'auth.group', options.userModel].includes(row.model)) {
      plan.ignored[row.model] = (plan.ignored[row.model] ?? 0) + 1;
    }
  }
  return plan;
}

/** The algorithm prefix of a hash for the report; never any of the value itself, which might be a plaintext password. */
function hashAlgorithm(encoded: string): string {
  const prefix = encoded.split('$')[0]!;
  return encoded.includes('$') && /^[a-z0-9_]{1,32}$/i.test(prefix) ? `"${prefix}"` : '(unrecognised format)';
}

/**
 * A flag from its column: a boolean as it is; otherwise through the field's value map. Anything
 * else reads as false with a warning: a status column mapped to `isActive` without a map (0, 1, 3)
 * once made every user active, and a guess must never re-enable an account Django had disabled.
 * A flag mapped to no column (null) is Django's default: active, not staff, not superuser.
 */
function readFlag(
  name: FlagField,
  column: string | null,
  fields: Record<string, unknown>,
  map: Record<string, unknown> | undefined,
  warn: (reason: string) => void,
): boolean {
  if (column === null) return name === 'isActive';
  const value = fields[column];
  if (map) {
    const key = String(value);
    if (key in map && typeof map[key] === 'boolean') return map[key];
    warn(`${name}: value ${JSON.stringify(value) ?? 'undefined'} of column "${column}" is not in valueMaps.${name}; imported as false`);
    return false;
  }
  if (typeof value === 'boolean') return value;
  // Absent from a row: Django omits no concrete field, so the column name is wrong.
  if (value !== undefined || name === 'isActive')
    warn(`${name}: column "${column}" holds a non-boolean value; imported as false (add a valueMaps.${name} entry)`);
  return false;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Django writes ISO 8601; without an offset (USE_TZ = False) the time is taken as UTC. */
function djangoDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !value) return null;
  const withZone = /(Z|[+-]\d\d:?\d\d)$/i.test(value) || !value.includes('T') ? value : `${value}Z`;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? null : date;
}
