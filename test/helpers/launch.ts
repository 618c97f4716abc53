/**
 * The one process launcher of the tests and the benchmark (bench/processes.ts imports it): start
 * a program that announces its URL on its output and wait for it, or run one to completion.
 * Callers choose the environment; nothing of the test process leaks in unless they pass it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The repository root, where every process runs. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

export interface LaunchOptions {
  /** What to call the program in an error: `server did not start in time`. */
  name: string;
  /** The program's whole environment. */
  env: NodeJS.ProcessEnv;
  /** A line matching it announces the program ready; its first capture group is the URL. */
  urlPattern: RegExp;
  /** How long to wait for the URL before killing the program and failing. */
  timeoutMs: number;
  /** How many output lines `logs` keeps. @default Infinity */
  maxLines?: number;
}

export interface Launched {
  url: string;
  child: ChildProcess;
  /** Output lines, stdout and stderr interleaved, as they came. */
  logs: string[];
  /** Milliseconds from spawn to the line announcing the URL. */
  startupMs: number;
  /** The exit code once the process is gone and its output drained. */
  exited: Promise<number | null>;
  /** Sends `signal` unless it has exited already, then resolves with the exit code. @default 'SIGTERM' */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts `command args` in the repository root and resolves once it announces its URL. */
export async function launch(command: string, args: string[], options: LaunchOptions): Promise<Launched> {
  const began = performance.now();
  const child = spawn(command, args, { cwd: root, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  const maxLines = options.maxLines ?? Infinity;
  // 'close', not 'exit': by then stdout and stderr are drained, so `logs` holds the last lines.
  const exited = once(child, 'close').then(([code]) => code as number | null);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Do not leave a half-started server behind.
      child.kill('SIGKILL');
      reject(new Error(`${options.name} did not start in time:\n${logs.join('\n')}`));
    }, options.timeoutMs);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        if (logs.length < maxLines) logs.push(line);
        const match = options.urlPattern.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    }
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited with ${code}:\n${logs.join('\n')}`));
    });
  });
  return {
    url,
    child,
    logs,
    startupMs: performance.now() - began,
    exited,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface RunOptions {
  /** The program's whole environment. */
  env: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed (closed at once without it). */
  input?: string;
  /** 'inherit' passes the program's stderr through instead of collecting it. @default 'pipe' */
  stderr?: 'pipe' | 'inherit';
}

/** Runs `command args` in the repository root to completion: its exit code and output. */
export async function runToEnd(command: string, args: string[], options: RunOptions): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(command, args, { cwd: root, env: options.env, stdio: ['pipe', 'pipe', options.stderr ?? 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin!.end(options.input);
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

/**
 * The pid of the deepest descendant of `child`: the server itself when a wrapper (tsx) runs it as
 * a child, else `child`'s own.
 */
export function serverPid(child: ChildProcess): number {
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
  return pid;
}
