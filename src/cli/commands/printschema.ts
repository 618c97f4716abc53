import { printedSchema } from '../../schema/print.js';
import type { Command } from '../command.js';

export const printschema: Command = {
  name: 'printschema',
  summary: 'Print the GraphQL schema (SDL) to standard output.',
  async run() {
    process.stdout.write(printedSchema());
    return 0;
  },
};
