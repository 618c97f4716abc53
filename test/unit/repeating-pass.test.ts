/**
 * The loop shared by the outbox sender, the webhook worker and the purge (src/jobs/repeating-pass.ts):
 * a pass at once (or after `firstDelayMs`), the next one `intervalMs` after a pass ends (at once
 * after a pass that filled its batch), never two at once, errors reported and the loop going on, and stop() waiting for the pass in progress.
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

  it('runs the next pass at once after a full one, and waits the interval again after the first that is not', async () => {
    const starts: number[] = [];
    const answers = [true, true, false, undefined];
    const job = startRepeatingPass({
      pass: async () => {
        starts.push(Date.now());
        return answers[starts.length - 1];
      },
      intervalMs: 1000,
      onError: () => undefined,
    });
    const t0 = Date.now();
    // "At once" is a timer of 0 ms, which Node (and the fake clock) runs after 1 ms.
    await vi.advanceTimersByTimeAsync(2);
    expect(starts).toEqual([t0, t0 + 1, t0 + 2]);
    await vi.advanceTimersByTimeAsync(999);
    expect(starts).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toEqual([t0, t0 + 1, t0 + 2, t0 + 1002]);
    await job.stop();
  });

  it('a pass that throws waits the interval, whatever came before', async () => {
    const starts: number[] = [];
    const job = startRepeatingPass({
      pass: async () => {
        starts.push(Date.now());
        if (starts.length === 2) throw new Error('database away');
        return true;
      },
      intervalMs: 500,
      onError: () => undefined,
    });
    const t0 = Date.now();
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toEqual([t0, t0 + 1]);
    await vi.advanceTimersByTimeAsync(499);
    expect(starts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2);
    expect(starts).toEqual([t0, t0 + 1, t0 + 501, t0 + 502]);
    await job.stop();
  });
});
