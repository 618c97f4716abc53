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

describe('flag columns that are not booleans (#15 item 2)', () => {
  const custom = (pk: number, fields: Record<string, unknown>) => ({ model: 'accounts.user', pk, fields: { email: `u${pk}@example.com`, ...fields } });

  // The hole: `isActive` mapped to an integer status column made every user active (0 !== false).
  it('an integer status column without a value map never activates anyone', () => {
    const options = parseImportOptions({ userModel: 'accounts.user', fields: { isActive: 'status' } });
    const plan = planImport([custom(1, { status: 0 }), custom(2, { status: 1 }), custom(3, { status: 3 })], options);
    expect(plan.users.map((u) => u.isActive)).toEqual([false, false, false]);
    expect(plan.warnings.map((w) => w.reason)).toEqual(
      Array(3).fill('isActive: column "status" holds a non-boolean value; imported as false (add a valueMaps.isActive entry)'),
    );
  });

  it('a value map turns the status codes into the flag; an unmapped code is false with a warning', () => {
    const options = parseImportOptions({
      userModel: 'accounts.user',
      fields: { isActive: 'status' },
      valueMaps: { isActive: { '1': true, '0': false, '3': false } },
    });
    const plan = planImport([custom(1, { status: 0 }), custom(2, { status: 1 }), custom(3, { status: 3 }), custom(4, { status: 7 })], options);
    expect(plan.users.map((u) => u.isActive)).toEqual([false, true, false, false]);
    expect(plan.warnings.map((w) => [w.source, w.reason])).toEqual([
      ['accounts.user pk=4', 'isActive: value 7 of column "status" is not in valueMaps.isActive; imported as false'],
    ]);
  });

  it('a missing status column is not read as active', () => {
    const plan = planImport([custom(1, {})], parseImportOptions({ userModel: 'accounts.user', fields: { isActive: 'status' } }));
    expect(plan.users[0]!.isActive).toBe(false);
  });

  it('maps extra columns into attributes, through value maps, skipping prototype keys', () => {
    const options = parseImportOptions({
      userModel: 'accounts.user',
      attributes: { plate: 'licence_plate', tier: 'tier_code' },
      valueMaps: { tier: { '1': 'gold', '2': 'silver' } },
    });
    const plan = planImport([custom(1, { is_active: true, licence_plate: 'AB-123', tier_code: 2 }), custom(2, { is_active: true, tier_code: 9 })], options);
    expect(plan.users.map((u) => u.attributes)).toEqual([{ plate: 'AB-123', tier: 'silver' }, {}]);
    expect(plan.warnings.map((w) => w.reason)).toEqual(['attribute tier: value 9 of column "tier_code" is not in valueMaps.tier; left out']);
    expect(() => parseImportOptions({ attributes: { __proto__x: 'a', ['__proto__']: 'b' } })).toThrow(/invalid options/);
  });
});
