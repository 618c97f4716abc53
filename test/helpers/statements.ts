/**
 * Statements as the statement-count tests compare them: the first word and the first table
 * (`SELECT User`, `INSERT Session`, …), and `NOTIFY` for PostgreSQL's pg_notify.
 */
export function statementKinds(statements: string[]): string[] {
  return statements.map((sql) => {
    if (/pg_notify/.test(sql)) return 'NOTIFY';
    const table = /(?:FROM|INTO|UPDATE)\s+(?:["`]\w+["`]\.)?["`](\w+)["`]/.exec(sql)?.[1];
    return `${sql.trim().split(/\s+/)[0]} ${table ?? ''}`.trim();
  });
}
