import { execFileSync } from 'node:child_process';
import { root } from './helpers/entrypoints.js';

/** Builds the dist/ bundle once, so process tests run exactly what `npm start` runs. */
export default function setup(): void {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
}
