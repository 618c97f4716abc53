/**
 * Gatehouse as a separate process (what `npm start` runs), on a loopback port chosen by the OS;
 * and management commands run to completion. Both through the shared launcher (./launch.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { nodeCommand } from './entrypoints.js';
import { launch, runToEnd } from './launch.js';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  logs: string[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** What a test process passes on of its own environment: enough to find node and a home. */
const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' });

/**
 * Starts src/server/main.ts (as `npm start` does: node with tsx's loader, one process, so signals
 * reach the server itself) and resolves once it logs that it is listening.
 */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  const [command, commandArgs] = nodeCommand(['src/server/main.ts']);
  const { url, child, logs, stop } = await launch(command, commandArgs, {
    name: 'server',
    env: { ...baseEnv(), HOST: '127.0.0.1', PORT: '0', ...env },
    urlPattern: /"url":"(http:\/\/[^"]+)\/graphql"/,
    timeoutMs,
  });
  return { url, child, logs, stop };
}

/** Runs a command to completion and returns its exit code and output. */
export async function runProcess(
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [command, commandArgs] = nodeCommand(args);
  return runToEnd(command, commandArgs, { env: { ...baseEnv(), ...env }, input });
}
