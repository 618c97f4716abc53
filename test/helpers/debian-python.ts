/**
 * Debian's Python for the tests that run real Django (python3-django, python3-djangorestframework,
 * python3-jwt; .ci/run installs them when missing). Its packages are not on another python3 that
 * may come first on PATH, so the interpreter is named by path.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';

/** True when Debian's python3 imports every module; otherwise warns that `what` is skipped. */
export function pythonHas(modules: string[], what: string): boolean {
  let ok = existsSync(PYTHON);
  if (ok) {
    try {
      execFileSync(PYTHON, ['-c', `import ${modules.join(', ')}`], { stdio: 'ignore' });
    } catch {
      ok = false;
    }
  }
  if (!ok) console.warn(`!!! ${PYTHON} cannot import ${modules.join(', ')} (see .ci/run): ${what} is SKIPPED !!!`);
  return ok;
}
