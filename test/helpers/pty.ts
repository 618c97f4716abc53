/**
 * Running a command on a pseudo-terminal (through Python's pty module, present wherever CI runs)
 * and answering its prompts as a person would: each answer is typed once its prompt appears.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { nodeCommand, root } from './entrypoints.js';

/** Runs `args` (relative to the repository) on a terminal, typing each answer after its prompt text appears. */
export async function runOnTerminal(args: string[], env: Record<string, string>, steps: [prompt: string, answer: string][]) {
  const terminal = runOnTerminalThenHangUp(args, env, { steps });
  const { output } = await terminal.hungUp;
  return { code: await terminal.exited, output };
}

const HANG_UP_SCRIPT = String.raw`
import json, os, pty, select, subprocess, sys, time
args, steps, hang_up_on, detached = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3], sys.argv[4] == "detached"
def say(**fields):
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()
if detached:
    # In a session of its own: the hang-up signal, which goes to the terminal's session, misses it.
    fd, slave = pty.openpty()
    child = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
    os.close(slave)
    pid = child.pid
else:
    # The terminal's controlling process: the hang-up signal reaches it, as a shell passes it on.
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(args[0], args)
say(pid=pid)
out, pending, deadline, hung_up = b"", list(steps), time.time() + 60, False
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    if pending and pending[0][0].encode() in out.split(b"\x00")[-1]:
        prompt, answer = pending.pop(0)
        out += b"\x00"
        os.write(fd, answer.encode() + b"\r")
    elif not pending and hang_up_on and hang_up_on.encode() in out.split(b"\x00")[-1]:
        # The master side closed, as when ssh drops or the terminal window is closed.
        os.close(fd)
        hung_up = True
        break
say(hungUp=hung_up, output=out.replace(b"\x00", b"").decode(errors="replace"))
say(code=child.wait() if detached else os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
`;

export interface HungUpTerminal {
  /** The command's process id. */
  pid: Promise<number>;
  /** Once the terminal has hung up (false: the command ended first); what it showed until then. */
  hungUp: Promise<{ hungUp: boolean; output: string }>;
  /** Its exit code (negative: the signal that ended it). */
  exited: Promise<number>;
  /** Ends the command and the terminal's driver, if still running. */
  kill(): void;
}

/**
 * Runs `args` on a terminal, typing each answer after its prompt text appears; once `hangUpOn`
 * appears after the last answer, the terminal hangs up (its master side closes). Without
 * `hangUpOn` it stays up until the command ends.
 * `detached`: the command runs in a session of its own (a process that outlived the terminal's
 * session, started with setsid or left running by its shell), which the hang-up signal misses;
 * otherwise it is the terminal's controlling process, which the signal reaches.
 */
export function runOnTerminalThenHangUp(
  args: string[],
  env: Record<string, string>,
  { steps = [], hangUpOn = '', detached = false }: { steps?: [prompt: string, answer: string][]; hangUpOn?: string; detached?: boolean },
): HungUpTerminal {
  const child = spawn(
    'python3',
    ['-c', HANG_UP_SCRIPT, JSON.stringify(nodeCommand(args).flat()), JSON.stringify(steps), hangUpOn, detached ? 'detached' : 'controlling'],
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const said: Record<string, unknown>[] = [];
  const waiters: Array<() => void> = [];
  let rest = '';
  child.stdout.on('data', (chunk: Buffer) => {
    rest += chunk.toString();
    const lines = rest.split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) said.push(JSON.parse(line) as Record<string, unknown>);
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = once(child, 'close').then(() => 'closed' as const);
  const field = async <T>(name: string): Promise<T> => {
    for (;;) {
      const found = said.find((fields) => name in fields);
      if (found) return found as T;
      const woken = new Promise<'woken'>((resolve) => waiters.push(() => resolve('woken')));
      if ((await Promise.race([woken, closed])) === 'closed' && !said.some((fields) => name in fields))
        throw new Error(`the terminal's driver ended without saying ${name}`);
    }
  };
  const pid = field<{ pid: number }>('pid').then((fields) => fields.pid);
  return {
    pid,
    hungUp: field<{ hungUp: boolean; output: string }>('hungUp'),
    exited: field<{ code: number }>('code').then((fields) => fields.code),
    kill() {
      // Exited and reaped: its id may be another process's by now.
      if (said.some((fields) => 'code' in fields)) return;
      void pid.then((id) => {
        try {
          process.kill(id, 'SIGKILL');
        } catch {
          // Gone already.
        }
      });
      child.kill('SIGKILL');
    },
  };
}
