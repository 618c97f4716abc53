/**
 * What one password check may cost, for hashes Gatehouse did not choose the parameters of
 * (imported from Django, or written into the database by hand). A stored hash's parameters decide
 * how much work every login attempt against it does; left unbounded, one account with
 * `m=4194304,t=100` (or bcrypt cost 17 in pure JavaScript) lets anyone who types its address tie
 * up the hashing queue for seconds per request. So the importer refuses hashes over these caps, and
 * the verifier treats one it finds in the database as not matching without computing it.
 *
 * The budget is about one second of one core per attempt, and every default of a Django release
 * fits: Django's argon2 (100 MiB, 2 passes, 8 lanes), argon2-cffi's (64 MiB, 3 passes, 4 lanes),
 * bcrypt at cost 12, PBKDF2 at 1,000,000 (Django 5.2) to 1,200,000 (Django 6.0) iterations.
 */

/** Argon2 (native `$argon2…$` and Django's `argon2$argon2…$`). */
export interface Argon2Caps {
  /** m, in KiB. */
  memoryKib: number;
  /** t, passes over the memory. */
  iterations: number;
  /** p, lanes (threads the native binding may use). */
  parallelism: number;
  /** m × t: the work of one check, in KiB-passes; the bound that matters most. */
  memoryPasses: number;
}

export interface HashCaps {
  argon2: Argon2Caps;
  /** bcrypt's log2 rounds; bcryptjs is pure JavaScript (cost 12: about 0.3-0.7 s). */
  bcryptCost: number;
  /** PBKDF2 iterations (SHA-256 or SHA-1, on the thread pool). */
  pbkdf2Iterations: number;
}

export const HASH_CAPS: HashCaps = Object.freeze({
  argon2: Object.freeze({ memoryKib: 262_144, iterations: 16, parallelism: 8, memoryPasses: 524_288 }),
  bcryptCost: 12,
  pbkdf2Iterations: 2_000_000,
});

/**
 * The caps at verification: HASH_CAPS, raised to the argon2 parameters Gatehouse itself hashes
 * with (PASSWORD_HASH_*), so that an operator's own choice never locks its users out.
 */
export function verificationCaps(own: { memoryKib: number; iterations: number; parallelism: number }): HashCaps {
  const caps = HASH_CAPS.argon2;
  return {
    ...HASH_CAPS,
    argon2: {
      memoryKib: Math.max(caps.memoryKib, own.memoryKib),
      iterations: Math.max(caps.iterations, own.iterations),
      parallelism: Math.max(caps.parallelism, own.parallelism),
      memoryPasses: Math.max(caps.memoryPasses, own.memoryKib * own.iterations),
    },
  };
}

/**
 * Why `encoded` costs more than `caps` allow, or null when it is within them (or is not a format
 * with parameters; a malformed hash is left to its verifier, which refuses it). The reason names
 * the parameter and the cap, never any of the hash itself.
 */
export function hashOverCaps(encoded: string, caps: HashCaps = HASH_CAPS): string | null {
  const argon2 = /^(?:argon2)?\$argon2(?:id|i|d)\$/.test(encoded) ? encoded.slice(encoded.indexOf('$argon2')) : null;
  if (argon2) return argon2OverCaps(argon2, caps.argon2);
  const bcrypt = /^bcrypt(?:_sha256)?\$\$2[aby]\$(\d{1,2})\$/.exec(encoded);
  if (bcrypt) {
    const cost = Number(bcrypt[1]);
    return cost > caps.bcryptCost ? `bcrypt cost ${cost} is over the cap of ${caps.bcryptCost}` : null;
  }
  const pbkdf2 = /^pbkdf2_sha(?:256|1)\$(\d+)\$/.exec(encoded);
  if (pbkdf2) {
    const iterations = Number(pbkdf2[1]);
    return iterations > caps.pbkdf2Iterations ? `PBKDF2 iterations ${iterations} are over the cap of ${caps.pbkdf2Iterations}` : null;
  }
  return null;
}

/** Checks a PHC string `$argon2id$v=19$m=…,t=…,p=…$salt$hash`; unreadable parameters are refused. */
function argon2OverCaps(phc: string, caps: Argon2Caps): string | null {
  const segment = phc.split('$').find((part) => part.startsWith('m=') || part.includes(',t=') || part.startsWith('t='));
  const params = new Map<string, number>();
  for (const pair of segment?.split(',') ?? []) {
    const match = /^([a-z]+)=(\d{1,10})$/.exec(pair);
    // keyid/data (base64) may follow; m, t and p must be plain numbers and appear once.
    if (!match) continue;
    if (params.has(match[1]!)) return 'argon2 parameters are unreadable (repeated)';
    params.set(match[1]!, Number(match[2]));
  }
  const m = params.get('m');
  const t = params.get('t');
  const p = params.get('p');
  if (m === undefined || t === undefined || p === undefined) return 'argon2 parameters are unreadable';
  if (m > caps.memoryKib) return `argon2 memory m=${m} KiB is over the cap of ${caps.memoryKib} KiB`;
  if (t > caps.iterations) return `argon2 passes t=${t} are over the cap of ${caps.iterations}`;
  if (p > caps.parallelism) return `argon2 lanes p=${p} are over the cap of ${caps.parallelism}`;
  if (m * t > caps.memoryPasses) return `argon2 work m×t=${m * t} KiB-passes is over the cap of ${caps.memoryPasses}`;
  return null;
}
