/**
 * Child processes for the benchmark: Gatehouse itself and the bare-yoga ceiling, each on a
 * loopback port through the launcher the tests use (test/helpers/launch.ts), with their peak
 * resident memory read from /proc.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { launch, root, runToEnd, serverPid } from '../test/helpers/launch.js';

export { root };
const tsx = `${root}node_modules/.bin/tsx`;

export interface Started {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first line announcing the URL. */
  startupMs: number;
  /** SIGTERM, then the exit code once it is gone. */
  stop(): Promise<number | null>;
}

/** Starts `script` and waits for `urlPattern` (first capture group: the base URL) on its output. */
export async function start(script: string, env: Record<string, string>, urlPattern: RegExp, nodeArgs: string[] = []): Promise<Started> {
  // Compiled entry points (dist/*.mjs) run on node directly, as `npm start` runs them; sources run
  // with tsx's loader (not the tsx command), so SIGTERM reaches the process itself.
  const args = /\.[mc]js$/.test(script) ? [...nodeArgs, script] : [...nodeArgs, '--import', 'tsx', script];
  const { url, child, startupMs, stop } = await launch(process.execPath, args, {
    name: script,
    env: { ...process.env, ...env },
    urlPattern,
    timeoutMs: 60_000,
    maxLines: 200,
  });
  return { url, child, startupMs, stop: () => stop('SIGTERM') };
}

/** Peak resident set size in MB of the process behind `child` (VmHWM). */
export function peakRssMb(child: ChildProcess): number {
  return statusMb(child, 'VmHWM');
}

/** Current resident set size in MB of the process behind `child` (VmRSS). */
export function rssMb(child: ChildProcess): number {
  return statusMb(child, 'VmRSS');
}

/**
 * CPU time in ms (user + system, all threads) the process behind `child` has used so far. Per
 * request, it is what a scenario costs the server whatever else runs on the machine: throughput on
 * a shared machine moves with the neighbours, CPU per request much less.
 */
export function cpuMs(child: ChildProcess): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${serverPid(child)}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** USER_HZ: 100 on every Linux this runs on (`getconf CLK_TCK`). */
const CLOCK_TICKS_PER_SECOND = 100;

/** A memory figure from /proc/PID/status of the deepest descendant (a wrapper's child is the server). */
function statusMb(child: ChildProcess, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${serverPid(child)}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Runs a script to completion and returns its stdout (its stderr passes through). */
export async function run(script: string, args: string[], env: Record<string, string>): Promise<string> {
  const { code, stdout } = await runToEnd(tsx, [script, ...args], { env: { ...process.env, ...env }, stderr: 'inherit' });
  if (code !== 0) throw new Error(`${script} exited with ${code}`);
  return stdout;
}
