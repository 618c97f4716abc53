import { describe, expect, it } from 'vitest';
import { parseImportOptions } from '../../src/import/django/options.js';
import { planImport } from '../../src/import/django/plan.js';

const user = (pk: number, fields: Record<string, unknown>) => ({
  model: 'auth.user',
  pk,
  fields: { username: `u${pk}`, email: `u${pk}@example.com`, password: '', is_active: true, groups: [], user_permissions: [], ...fields },
});

describe('planning a Django import', () => {
  it('never copies a plaintext or unknown password into the report', () => {
    const plan = planImport([user(1, { password: 'hunter2-plaintext' }), user(2, { password: 'sha1$salt$abc' })], parseImportOptions({}));
    expect(plan.users.map((u) => u.passwordHash)).toEqual([null, null]);
    expect(plan.warnings.map((w) => w.reason)).toEqual([
      'unsupported password hash (unrecognised format): imported without a password (reset needed)',
      'unsupported password hash "sha1": imported without a password (reset needed)',
    ]);
    expect(JSON.stringify(plan)).not.toContain('hunter2');
  });

  it('reads naive datetimes as UTC and keeps role in step with the flags', () => {
    const plan = planImport(
      [
        user(1, { date_joined: '2021-07-07T07:07:07.5', is_superuser: true, is_staff: false }),
        user(2, { date_joined: '2021-07-07T09:07:07+02:00', is_staff: true }),
        user(3, { date_joined: 'garbage' }),
      ],
      parseImportOptions({}),
    );
    expect(plan.users.map((u) => [u.role, u.createdAt?.toISOString() ?? null])).toEqual([
      ['ADMIN', '2021-07-07T07:07:07.500Z'],
      ['STAFF', '2021-07-07T07:07:07.000Z'],
      ['USER', null],
    ]);
  });

  it('names a permission by natural key even when its row is not in the dump', () => {
    const plan = planImport([user(1, { user_permissions: [['export_report', 'reports', 'report']] })], parseImportOptions({}));
    expect(plan.permissions).toEqual([{ codename: 'reports.export_report', name: '' }]);
    expect(plan.users[0]!.permissions).toEqual(['reports.export_report']);
  });

  it('refuses documents and options it cannot read, with the reason', () => {
    expect(() => planImport({ model: 'auth.user' }, parseImportOptions({}))).toThrow('expected a JSON array');
    expect(() => planImport([{ model: 'auth.user' }], parseImportOptions({}))).toThrow('row 0 has no model and fields');
    expect(() => parseImportOptions({ fields: { email: null } })).toThrow('the email field is required');
    expect(() => parseImportOptions({ fields: { mail: 'x' } })).toThrow('invalid options');
    expect(() => parseImportOptions({ userModel: 'no dot' })).toThrow('invalid options: userModel');
  });
});
