/**
 * The ceiling of any password login on this machine: argon2id verifications per second with
 * Gatehouse's configured parameters, kept busy on every thread of libuv's pool (the pool Gatehouse's
 * hashing runs on). Prints one JSON line: { opsPerSecond, verifies, seconds }.
 */
import argon2 from 'argon2';
import { loadConfig } from '../../src/config/index.js';

const seconds = Number(process.argv[2] ?? 5);
const { memoryKib, iterations, parallelism } = loadConfig().passwords.argon2;
const hash = await argon2.hash('benchmark password', { type: argon2.argon2id as 2, memoryCost: memoryKib, timeCost: iterations, parallelism });
const lanes = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
const deadline = performance.now() + seconds * 1000;
let verifies = 0;
const start = performance.now();
await Promise.all(
  Array.from({ length: lanes }, async () => {
    while (performance.now() < deadline) {
      if (!(await argon2.verify(hash, 'benchmark password'))) throw new Error('verify failed');
      verifies++;
    }
  }),
);
const elapsed = (performance.now() - start) / 1000;
console.log(JSON.stringify({ opsPerSecond: verifies / elapsed, verifies, seconds: elapsed }));
