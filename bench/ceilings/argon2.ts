/**
 * The ceiling of any password sign-in (`verify`) or sign-up (`hash`) on this machine: argon2id
 * operations per second with Gatehouse's configured parameters, kept busy on every thread of
 * libuv's pool (the pool Gatehouse's hashing runs on). Prints one JSON line: { opsPerSecond, operations, seconds }.
 */
import argon2 from 'argon2';
import { loadConfig } from '../../src/config/index.js';

const seconds = Number(process.argv[2] ?? 5);
const mode = process.argv[3] === 'hash' ? 'hash' : 'verify';
const { memoryKib, iterations, parallelism } = loadConfig().passwords.argon2;
const options = { type: argon2.argon2id as 2, memoryCost: memoryKib, timeCost: iterations, parallelism };
const hash = await argon2.hash('benchmark password', options);
const lanes = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
const deadline = performance.now() + seconds * 1000;
let operations = 0;
const start = performance.now();
await Promise.all(
  Array.from({ length: lanes }, async () => {
    while (performance.now() < deadline) {
      if (mode === 'hash') await argon2.hash('benchmark password', options);
      else if (!(await argon2.verify(hash, 'benchmark password'))) throw new Error('verify failed');
      operations++;
    }
  }),
);
const elapsed = (performance.now() - start) / 1000;
console.log(JSON.stringify({ opsPerSecond: operations / elapsed, operations, seconds: elapsed }));
