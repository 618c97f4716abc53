/**
 * `--compare FILE`: each scenario of this run beside the same scenario in an earlier report
 * (bench-results/*.json): req/s, p99 and the ratio to the ceiling of each run. Ratios are what
 * compare across runs; the machine's speed (and the ceilings with it) moves between them.
 */
import { readFileSync } from 'node:fs';

interface ReportRow {
  scenario: string;
  connections: number;
  result?: { requestsPerSecond: number; p99Ms: number };
  ratio?: number;
}

export interface Report {
  when: string;
  database: string;
  /** Absent where the run measured no scenario of that kind (`--only`). */
  ceilings: { argon2VerifyPerSecond?: number; bareYoga: Record<string, number> };
  peakRssMb: number;
  rows: ReportRow[];
}

const pad = (s: string, n: number) => s.padEnd(n);
const change = (now: number, before: number) => `${now >= before ? '+' : ''}${(((now - before) / before) * 100).toFixed(0)}%`;

/** The comparison as lines of text; scenarios missing from either side are listed as such. */
export function compareReports(current: Report, earlier: Report, earlierName: string): string[] {
  const lines = [
    `\ncompared with ${earlierName} (${earlier.when}, ${earlier.database}):`,
    `ceilings then: argon2id ${earlier.ceilings.argon2VerifyPerSecond?.toFixed(1) ?? '-'}/s, bare yoga ${Object.entries(earlier.ceilings.bareYoga)
      .map(([c, r]) => `${r.toFixed(0)} @${c}`)
      .join(', ')}`,
    `${pad('scenario', 24)}${pad('conns', 7)}${pad('req/s then → now', 22)}${pad('change', 8)}${pad('ratio then → now', 20)}p99 ms then → now`,
  ];
  for (const row of current.rows) {
    const before = earlier.rows.find((r) => r.scenario === row.scenario && r.connections === row.connections);
    const head = `${pad(row.scenario, 24)}${pad(String(row.connections), 7)}`;
    if (!row.result || !before?.result) {
      lines.push(`${head}${!before ? 'not in the earlier run' : 'not measured in one of the runs'}`);
      continue;
    }
    const [now, then] = [row.result, before.result];
    lines.push(
      head +
        pad(`${then.requestsPerSecond.toFixed(0)} → ${now.requestsPerSecond.toFixed(0)}`, 22) +
        pad(change(now.requestsPerSecond, then.requestsPerSecond), 8) +
        pad(`${before.ratio!.toFixed(2)} → ${row.ratio!.toFixed(2)}`, 20) +
        `${then.p99Ms} → ${now.p99Ms}`,
    );
  }
  lines.push(`peak RSS ${earlier.peakRssMb.toFixed(0)} → ${current.peakRssMb.toFixed(0)} MB`);
  return lines;
}

/** Reads an earlier report; a missing or malformed file is the caller's mistake, said plainly. */
export function readReport(path: string): Report {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Report;
  } catch (error) {
    throw new Error(`--compare: cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}
