/**
 * The one loop behind every background job (the outbox sender, the webhook worker, the purge):
 * run a pass, wait `intervalMs` after it ends, run the next; never two passes of one job at once,
 * however long a pass takes. A pass that stopped at its batch size with rows still due says so
 * (resolves true) and the next one starts at once: a queue filling faster than one batch per
 * interval is drained, not left to grow (issue 12: 20 emails per 2 s against 55 sign-ups a second). A pass that throws is reported to `onError` and the loop goes on (the
 * database may be away for a while). `stop()` ends the schedule and waits for a pass in progress,
 * so shutdown never cuts one in half.
 */
export interface RepeatingPass {
  /** Stops the schedule and waits for a pass in progress to finish. */
  stop(): Promise<void>;
}

export interface RepeatingPassOptions {
  /**
   * One pass of the job; true when it filled its batch, so more may be due and the next pass runs
   * at once (after the I/O already waiting, so requests are served between passes). A pass says
   * true only when it moved every row it took (sent, rescheduled, or lost to another instance), so
   * a queue of rows that keep failing cannot keep it spinning.
   */
  pass: () => Promise<boolean | void>;
  /** Wait between the end of one pass and the start of the next. */
  intervalMs: number;
  /** Wait before the first pass. @default 0 (at once) */
  firstDelayMs?: number;
  /** Called with whatever a pass threw; the schedule goes on. */
  onError: (error: unknown) => void;
  /** Let the process exit while only this schedule is waiting. @default false */
  unref?: boolean;
}

export function startRepeatingPass(options: RepeatingPassOptions): RepeatingPass {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const schedule = (delayMs: number) => {
    timer = setTimeout(tick, delayMs);
    if (options.unref) timer.unref();
  };
  const runPass = async () => {
    let more = false;
    try {
      more = (await options.pass()) === true;
    } catch (error) {
      options.onError(error);
    } finally {
      if (!stopped) schedule(more ? 0 : options.intervalMs);
    }
  };
  const tick = () => {
    running = runPass();
  };
  schedule(options.firstDelayMs ?? 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
