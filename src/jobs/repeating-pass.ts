/**
 * The one loop behind every background job (the outbox sender, the webhook worker, the purge):
 * run a pass, wait `intervalMs` after it ends, run the next; never two passes of one job at once,
 * however long a pass takes. A pass that throws is reported to `onError` and the loop goes on (the
 * database may be away for a while). `stop()` ends the schedule and waits for a pass in progress,
 * so shutdown never cuts one in half.
 */
export interface RepeatingPass {
  /** Stops the schedule and waits for a pass in progress to finish. */
  stop(): Promise<void>;
}

export interface RepeatingPassOptions {
  /** One pass of the job. */
  pass: () => Promise<void>;
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
  const tick = () => {
    running = options
      .pass()
      .catch(options.onError)
      .finally(() => {
        if (!stopped) schedule(options.intervalMs);
      });
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
