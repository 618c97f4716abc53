/**
 * The attributes an import read from extra columns (options `attributes` and `valueMaps`), checked
 * against USER_ATTRIBUTES_SCHEMA like any admin write: a user whose attributes do not pass is
 * imported without them, with a warning naming the problems, rather than with data the schema
 * refuses everywhere else.
 */
import type { UserAttributesConfig } from '../../config/user-attributes.js';
import { applyAttributes } from '../../users/attributes.js';
import type { ImportPlan } from './plan.js';

/** Replaces each planned user's attributes by their stored text (`attributesText`), or warns and leaves them out. */
export function checkPlannedAttributes(plan: ImportPlan, config: UserAttributesConfig | null): void {
  for (const user of plan.users) {
    if (!Object.keys(user.attributes).length) continue;
    const { text, problems } = applyAttributes(config, '{}', user.attributes, 'admin');
    if (problems.length) {
      plan.warnings.push({
        kind: 'user',
        source: user.source,
        reason: `attributes left out (${problems.map((p) => `${p.field}: ${p.code}`).join(', ')})${config ? '' : ': USER_ATTRIBUTES_SCHEMA is not set'}`,
      });
      user.attributes = {};
    } else user.attributesText = text;
  }
}
