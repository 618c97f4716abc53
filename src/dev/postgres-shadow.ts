/**
 * Where migration tooling replays PostgreSQL migrations: a server on which it may create (and drop)
 * a temporary shadow database. `SHADOW_DATABASE_URL` first, else a PostgreSQL `DATABASE_URL`.
 */
export function postgresShadowUrl(): string | undefined {
  const candidates = [process.env.SHADOW_DATABASE_URL, process.env.DATABASE_URL];
  return candidates.find((url) => url !== undefined && /^postgres(ql)?:\/\//.test(url));
}
