/**
 * Child processes for the benchmark: Gatehouse itself and the bare-yoga ceiling, each on a
 * loopback port, with their peak resident memory read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));
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
  const began = performance.now();
  // Compiled entry points (dist/*.mjs) run on node directly, as `npm start` runs them; sources run
  // with tsx's loader (not the tsx command), so SIGTERM reaches the process itself.
  const [command, args] = script.endsWith('.mjs') ? [process.execPath, [...nodeArgs, script]] : [process.execPath, [...nodeArgs, '--import', 'tsx', script]];
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${lines.join('\n')}`)), 60_000);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        if (lines.length < 200) lines.push(line);
        const match = urlPattern.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    }
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${lines.join('\n')}`)));
  });
  return {
    url,
    child,
    startupMs: performance.now() - began,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

/** Peak resident set size in MB of the process behind `child` (VmHWM). */
export function peakRssMb(child: ChildProcess): number {
  return statusMb(child, 'VmHWM');
}

/** Current resident set size in MB of the process behind `child` (VmRSS). */
export function rssMb(child: ChildProcess): number {
  return statusMb(child, 'VmRSS');
}

/** A memory figure from /proc/PID/status of the deepest descendant (a wrapper's child is the server). */
function statusMb(child: ChildProcess, field: 'VmHWM' | 'VmRSS'): number {
  let pid = child.pid!;
  for (;;) {
    let next: number | undefined;
    try {
      next = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)[0];
    } catch {
      next = undefined;
    }
    if (!next) break;
    pid = next;
  }
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Runs a script to completion and returns its stdout. */
export async function run(script: string, args: string[], env: Record<string, string>): Promise<string> {
  const child = spawn(tsx, [script, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${script} exited with ${code}`);
  return out;
}
