import { beforeAll, describe, expect, it } from 'vitest';
import jwt from 'jsonwebtoken';
import { grant } from '../../helpers/admin.js';
import { createUser, PASSWORD } from '../../helpers/factories.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

// Regression: refreshed access tokens were signed without the JWT_INCLUDE_CLAIMS claims.
describe('claims in refreshed access tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { JWT_INCLUDE_CLAIMS: 'role,permissions' } });
  });

  it('carries the same, current claims after a refresh', async () => {
    const user = await createUser(t.deps);
    const login = await t.graphql<{ login: { accessToken: string; refreshToken: string } }>(
      `mutation { login(email: "${user.email}", password: "${PASSWORD}") { ... on AuthPayload { accessToken refreshToken } } }`,
    );
    expect(jwt.decode(login.data!.login.accessToken)).toMatchObject({ role: 'USER', permissions: [] });
    await grant(t.deps, user.id, ['users.view_user']);
    const refreshed = await t.graphql<{ refreshToken: { accessToken: string } }>('mutation ($r: String!) { refreshToken(refreshToken: $r) { accessToken } }', {
      r: login.data!.login.refreshToken,
    });
    expect(jwt.decode(refreshed.data!.refreshToken.accessToken)).toMatchObject({ role: 'USER', permissions: ['users.view_user'] });
  });
});
