/**
 * Questions for the management commands. On a terminal: @inquirer/input and @inquirer/password
 * (masked entry, editing keys, Ctrl-C). From a pipe (scripts, tests): one line per answer, read
 * through a single reader, because inquirer opens a reader per question and the first one would
 * swallow every piped line.
 */
import input from '@inquirer/input';
import password from '@inquirer/password';
import { createInterface } from 'node:readline';
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

/** The prompt was closed (Ctrl-C): stop with a clear message. */
async function asked<T>(question: Promise<T>): Promise<T> {
  try {
    return await question;
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new CommandError('cancelled', 1);
    throw error;
  }
}

export function ask(message: string, options: { default?: string; validate?: Validate } = {}): Promise<string> {
  if (!process.stdin.isTTY) return askPiped(message, options.validate, options.default);
  return asked(input({ message, default: options.default, validate: options.validate }));
}

export function askSecret(message: string, validate?: Validate): Promise<string> {
  if (!process.stdin.isTTY) return askPiped(message, validate, undefined);
  return asked(password({ message, mask: '*', validate }));
}
