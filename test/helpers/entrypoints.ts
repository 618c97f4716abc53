/**
 * The compiled entry points tests run as processes: the same bundle `npm start` and
 * `npm run gatehouse` run (built once per test run by test/global-setup.ts), because starting a
 * TypeScript entry through tsx costs seconds of transpiling on every start.
 */
import { root } from './launch.js';

export { root };

const compiled: Record<string, string> = {
  'src/server/main.ts': 'dist/server/main.mjs',
  'src/cli/index.ts': 'dist/cli/index.mjs',
};

/** The command and arguments that run `args` (a source entry point and its arguments) with node. */
export function nodeCommand(args: string[]): [string, string[]] {
  const [entry, ...rest] = args;
  const target = entry && compiled[entry];
  if (!target) throw new Error(`no compiled entry point for ${entry}; add it to test/helpers/entrypoints.ts and the build script`);
  return [process.execPath, [`${root}${target}`, ...rest]];
}
