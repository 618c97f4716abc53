/**
 * `import-django FILE [--options OPTIONS.json] [--email-verified] [--dry-run] [--json]`: brings Django's users,
 * groups and permissions across from `manage.py dumpdata` output. Idempotent; see
 * src/users/import/django/ for what is matched and how.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/index.js';
import { openMigratedDatabase } from '../../db/migrate/open-migrated.js';
import { PendingMigrationsError } from '../../create-deps.js';
import { createLogger } from '../../logger.js';
import { announceAuthChange } from '../../auth/cache/invalidate.js';
import { systemClock } from '../../clock.js';
import { applyImport, type ImportReport } from '../../import/django/apply.js';
import { parseImportOptions } from '../../import/django/options.js';
import { planImport } from '../../import/django/plan.js';
import { checkPlannedAttributes } from '../../import/django/attributes.js';
import { CommandError, type Command } from '../command.js';

const usage = 'usage: npm run gatehouse -- import-django FILE [--options OPTIONS.json] [--email-verified] [--dry-run] [--json]';

export const importDjango: Command = {
  name: 'import-django',
  summary: 'Import users, groups and permissions from Django dumpdata JSON (idempotent).',
  usage,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          options: { type: 'string' },
          // Imported addresses count as verified only when asked: the flag or the options file's emailVerified.
          'email-verified': { type: 'boolean', default: false },
          'dry-run': { type: 'boolean', default: false },
          json: { type: 'boolean', default: false },
        },
      });
    } catch (error) {
      throw new CommandError(`${(error as Error).message}\n${usage}`, 2);
    }
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length) throw new CommandError(usage, 2);

    const options = attempt(() => parseImportOptions(parsed.values.options ? readJson(parsed.values.options) : {}));
    const config = loadConfig();
    const plan = attempt(() => planImport(readJson(file), options, { loginIdentifiers: config.accounts.loginIdentifiers }));
    checkPlannedAttributes(plan, config.accounts.attributes);
    // Migrated first, like every command (a fresh SQLite file has no tables yet).
    const { prisma, pending } = await openMigratedDatabase(config.database, createLogger('warn'));
    try {
      if (pending) throw new PendingMigrationsError();
      const report = await applyImport(prisma, plan, {
        now: systemClock.now(),
        emailVerified: options.emailVerified || parsed.values['email-verified'],
        dryRun: parsed.values['dry-run'],
        source: basename(file),
      });
      // Running servers may hold imported users' rows and permissions in their session caches.
      if (!parsed.values['dry-run']) await announceAuthChange(config.database.provider, prisma, { everything: true });
      console.log(parsed.values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    } finally {
      await prisma.$disconnect();
    }
    return 0;
  },
};

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

function attempt<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new CommandError((error as Error).message);
  }
}

export function formatReport(r: ImportReport): string {
  const lines = [
    r.dryRun ? 'DRY RUN: nothing was written.' : 'Import finished.',
    `permissions: ${r.permissions.created} created, ${r.permissions.existing} existing`,
    `groups:      ${r.groups.created} created, ${r.groups.existing} existing, ${r.groupPermissionLinks.created} group permissions linked`,
    `users:       ${r.users.created} created, ${r.users.existing} existing (left unchanged), ${r.users.skipped} skipped`,
    `addresses:   ${r.emailVerified ? 'created as verified' : 'created unverified (pass --email-verified if Django verified them)'}`,
  ];
  const ignored = Object.entries(r.ignored);
  if (ignored.length) lines.push(`ignored rows of other models: ${ignored.map(([model, n]) => `${model} (${n})`).join(', ')}`);
  if (r.skipped.length) lines.push('', `skipped (${r.skipped.length}):`, ...r.skipped.map((s) => `  ${s.source}: ${s.reason}`));
  if (r.warnings.length) lines.push('', `warnings (${r.warnings.length}):`, ...r.warnings.map((s) => `  ${s.source}: ${s.reason}`));
  return lines.join('\n');
}
