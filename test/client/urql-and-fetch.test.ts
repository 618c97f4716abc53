/**
 * urql and plain fetch against a real Gatehouse process, through examples/urql.ts and
 * examples/fetch.ts (docs/clients.md quotes those files).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { gatehouse as send } from '../../examples/fetch.js';
import { createUrqlClient } from '../../examples/urql.js';
import { createUser, PASSWORD } from '../helpers/factories.js';
import { startGatehouse, type GatehouseProcess } from '../helpers/gatehouse-process.js';
import { BearerLogin, Me, MySessions, SignOut } from './operations.js';

describe('urql and plain fetch with Bearer tokens', () => {
  let gatehouse: GatehouseProcess;
  let email: string;
  beforeAll(async () => {
    gatehouse = await startGatehouse();
    email = (await createUser(gatehouse.deps, { firstName: 'Katherine' })).email;
  });

  it('urql: login, then the current token goes with every request; after logout it is refused', async () => {
    let accessToken: string | null = null;
    const client = createUrqlClient({ url: gatehouse.url, accessToken: () => accessToken });
    const anonymous = await client.query(Me, {}).toPromise();
    expect(anonymous.data?.me).toBeNull();

    const login = await client.mutation(BearerLogin, { email, password: PASSWORD }).toPromise();
    expect(login.error).toBeUndefined();
    accessToken = login.data!.login.accessToken;
    const me = await client.query(Me, {}).toPromise();
    expect(me.data?.me).toMatchObject({ email, firstName: 'Katherine' });

    expect((await client.mutation(SignOut, {}).toPromise()).data?.logout).toBe(true);
    const after = await client.query(MySessions, {}).toPromise();
    expect(after.error?.graphQLErrors.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('plain fetch: typed result; a wrong password is INVALID_CREDENTIALS', async () => {
    const wrong = await send(gatehouse.url, BearerLogin, { email, password: 'not the password' });
    expect(wrong.data).toBeNull();
    expect(wrong.errors?.map((e) => e.extensions?.code)).toEqual(['INVALID_CREDENTIALS']);

    const login = await send(gatehouse.url, BearerLogin, { email, password: PASSWORD });
    const token = login.data!.login.accessToken;
    const me = await send(gatehouse.url, Me, {}, token);
    expect(me).toEqual({ data: { me: { id: expect.any(String), email, firstName: 'Katherine' } } });
  });
});
