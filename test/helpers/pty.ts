/**
 * Running a command on a pseudo-terminal (through Python's pty module, present wherever CI runs)
 * and answering its prompts as a person would: each answer is typed once its prompt appears.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { nodeCommand, root } from './entrypoints.js';

const SCRIPT = String.raw`
import json, os, pty, select, sys, time
args, steps = json.loads(sys.argv[1]), json.loads(sys.argv[2])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(args[0], args)
out, pending, deadline = b"", list(steps), time.time() + 60
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
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out.replace(b"\x00", b""))
sys.exit(os.waitstatus_to_exitcode(status))
`;

/** Runs `args` (relative to the repository) on a terminal, typing each answer after its prompt text appears. */
export async function runOnTerminal(args: string[], env: Record<string, string>, steps: [prompt: string, answer: string][]) {
  const child = spawn('python3', ['-c', SCRIPT, JSON.stringify(nodeCommand(args).flat()), JSON.stringify(steps)], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}
