/** A management command: `npm run gatehouse -- <name> [args]`. Returns the process exit code. */
export interface Command {
  name: string;
  summary: string;
  usage?: string;
  run(args: string[]): Promise<number>;
}

/** A command failure with a message for the operator (no stack trace). */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
