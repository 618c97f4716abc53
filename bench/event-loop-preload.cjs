/**
 * A preload for bench/tail.ts --loop (`node -r`): the server's event-loop delay and GC pauses while
 * it runs, written as JSON to BENCH_LOOP_REPORT when it is told to stop. Measurement only.
 */
const { monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');
const { writeFileSync } = require('node:fs');

const delay = monitorEventLoopDelay({ resolution: 2 });
delay.enable();
const pauses = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push(entry.duration);
}).observe({ entryTypes: ['gc'] });

process.once('SIGTERM', () => {
  pauses.sort((a, b) => a - b);
  const at = (q) => pauses[Math.min(pauses.length - 1, Math.floor(pauses.length * q))] ?? 0;
  const ms = (q) => delay.percentile(q) / 1e6;
  writeFileSync(
    process.env.BENCH_LOOP_REPORT,
    JSON.stringify({
      loopDelayMs: { p50: ms(50), p99: ms(99), max: delay.max / 1e6 },
      gcPausesMs: { count: pauses.length, p50: at(0.5), p99: at(0.99), max: at(1), total: pauses.reduce((a, b) => a + b, 0) },
    }),
  );
});
