/**
 * The loop shared by the outbox sender, the webhook worker and the purge (src/jobs/repeating-pass.ts):
 * a pass at once (or after `firstDelayMs`), the next one `intervalMs` after a pass ends, never two
 * at once, errors reported and the loop going on, and stop() waiting for the pass in progress.
 * Timers are vitest's fake ones: the schedule is the thing under test.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRepeatingPass } from '../../src/jobs/repeating-pass.js';

describe('startRepeatingPass', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once, then the interval after each pass ends; a slow pass is never overlapped', async () => {
    const starts: number[] = [];
    let finish: (() => void) | undefined;
    const job = startRepeatingPass({
      pass: () => {
        starts.push(Date.now());
        return new Promise<void>((resolve) => (finish = resolve));
      },
      intervalMs: 100,
      onError: () => undefined,
    });
    const t0 = Date.now();
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toEqual([t0]);
    await vi.advanceTimersByTimeAsync(1000); // the pass is still running: no second one
    expect(starts).toHaveLength(1);
    finish!();
    await vi.advanceTimersByTimeAsync(99);
    expect(starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toEqual([t0, t0 + 1100]);
    finish!();
    await job.stop();
  });

  it('goes on after a failed pass, and stop() waits for the pass in progress', async () => {
    const errors: unknown[] = [];
    let passes = 0;
    let finish: (() => void) | undefined;
    const job = startRepeatingPass({
      pass: async () => {
        passes += 1;
        if (passes === 1) throw new Error('database away');
        await new Promise<void>((resolve) => (finish = resolve));
      },
      intervalMs: 50,
      firstDelayMs: 10,
      onError: (error) => errors.push(error),
    });
    await vi.advanceTimersByTimeAsync(9);
    expect(passes).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(errors).toEqual([new Error('database away')]);
    await vi.advanceTimersByTimeAsync(50);
    expect(passes).toBe(2);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish!();
    await stopping;
    await vi.advanceTimersByTimeAsync(1000);
    expect(passes).toBe(2);
  });
});
