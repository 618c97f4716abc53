import { parseArgs } from 'node:util';
import { verifyEmail } from '../../account/email-verification.js';
import { loadConfig } from '../../config/index.js';
import { GatehouseError } from '../../errors.js';
import { closeDeps, createDeps } from '../../create-deps.js';
import { CommandError, type Command } from '../command.js';
import { createLogger } from '../../logger.js';

export const activateuser: Command = {
  name: 'activateuser',
  summary: "Verify an account's email with the code it was sent (as verifyEmail does).",
  usage: 'activateuser --email EMAIL --code CODE',
  async run(args) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, code: { type: 'string' } }, strict: true });
    if (!values.email || !values.code) throw new CommandError(`usage: ${this.usage}`, 2);
    const deps = await createDeps(loadConfig(), { logger: createLogger('warn'), refusePendingMigrations: true });
    try {
      const user = await verifyEmail(deps, { email: values.email, code: values.code }, { ip: null, userAgent: 'gatehouse-cli' }, { cli: true });
      console.log(`verified ${user.email}`);
      return 0;
    } catch (error) {
      if (error instanceof GatehouseError) throw new CommandError(`${error.code}: ${error.message}`);
      throw error;
    } finally {
      await closeDeps(deps);
    }
  },
};
