/**
 * The ceiling of any GraphQL endpoint on this machine: a bare graphql-yoga server on node:http
 * answering `{ __typename }`. Prints its URL on stdout once listening.
 *
 * It also answers the admin page's shape (`users(first) { nodes { id email groups { name } } }`)
 * from memory: what graphql-js and yoga alone cost for that response, printed beside the page's
 * ratio as a reference (scenarios.ts, `shape`).
 */
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const users = Array.from({ length: 50 }, (_, i) => ({
  id: `0192f6a0-0000-7000-8000-${String(i).padStart(12, '0')}`,
  email: `member-${String(i).padStart(2, '0')}@example.com`,
  groups: [{ name: 'readers' }],
}));

const yoga = createYoga({
  schema: createSchema({
    typeDefs: `
      type Query { ok: Boolean, users(first: Int!): UserConnection! }
      type UserConnection { nodes: [User!]! }
      type User { id: ID!, email: String, groups: [Group!]! }
      type Group { name: String! }`,
    resolvers: { Query: { ok: () => true, users: (_: unknown, args: { first: number }) => ({ nodes: users.slice(0, args.first) }) } },
  }),
  logging: false,
  landingPage: false,
  graphiql: false,
});
const server = createServer(yoga);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
