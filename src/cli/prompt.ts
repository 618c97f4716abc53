/**
 * Questions for the management commands. On a terminal: @inquirer/input and @inquirer/password
 * (masked entry, editing keys, Ctrl-C). From a pipe (scripts, tests): one line per answer, read
 * through a single reader, because inquirer opens a reader per question and the first one would
 * swallow every piped line.
 */
import input from '@inquirer/input';
import password from '@inquirer/password';
import { createInterface } from 'node:readline';
import { isReaderGone } from '../logger.js';
import { CommandError } from './command.js';

type Validate = (value: string) => string | true;

let lines: AsyncIterator<string> | undefined;

/** The next piped line, after writing the question (with its validation loop). */
async function askPiped(message: string, validate: Validate | undefined, fallback: string | undefined): Promise<string> {
  lines ??= createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  for (;;) {
    process.stdout.write(`${message} `);
    const next = await lines.next();
    if (next.done) throw new CommandError('cancelled: input ended');
    process.stdout.write('\n');
    const value = next.value || fallback || '';
    const verdict = validate?.(value) ?? true;
    if (verdict === true) return value;
    console.error(`Error: ${verdict}`);
  }
}

let hangUpTolerated = false;

/**
 * A terminal that hung up (ssh dropped, the window closed) cannot be put back out of raw mode, and
 * need not be: nobody is at it any more. Node's setRawMode throws EIO then, and inquirer, which
 * restores the mode as it closes each question, rejected a question already answered with it: the
 * command stopped with "unexpected error: setRawMode EIO" instead of doing its work.
 */
function tolerateHangUp(): void {
  if (hangUpTolerated) return;
  hangUpTolerated = true;
  const stdin = process.stdin;
  const setRawMode = stdin.setRawMode.bind(stdin);
  stdin.setRawMode = (mode: boolean) => {
    try {
      return setRawMode(mode);
    } catch (error) {
      if (error instanceof Error && isReaderGone(error)) return stdin;
      throw error;
    }
  };
}

/**
 * A question on the terminal. Closed (Ctrl-C): stop with a clear message. The input ended (the
 * terminal hung up, which reads as the end of the input): cancelled as a pipe's end is. inquirer
 * itself waits on after the end of its input; the command was then rejected only by inquirer's
 * own exit hook, as the process was already exiting: the rest of the exit (its code, the logs) never ran.
 */
async function onTerminal<T>(question: (context: { signal: AbortSignal }) => Promise<T>): Promise<T> {
  tolerateHangUp();
  if (process.stdin.readableEnded) throw new CommandError('cancelled: input ended', 1);
  const ended = new AbortController();
  const onEnd = () => ended.abort();
  process.stdin.once('end', onEnd);
  try {
    return await question({ signal: ended.signal });
  } catch (error) {
    if (ended.signal.aborted) throw new CommandError('cancelled: input ended', 1);
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new CommandError('cancelled', 1);
    throw error;
  } finally {
    process.stdin.removeListener('end', onEnd);
  }
}

export function ask(message: string, options: { default?: string; validate?: Validate } = {}): Promise<string> {
  if (!process.stdin.isTTY) return askPiped(message, options.validate, options.default);
  return onTerminal((context) => input({ message, default: options.default, validate: options.validate }, context));
}

export function askSecret(message: string, validate?: Validate): Promise<string> {
  if (!process.stdin.isTTY) return askPiped(message, validate, undefined);
  return onTerminal((context) => password({ message, mask: '*', validate }, context));
}
