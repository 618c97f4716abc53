/**
 * A minimal OpenID provider on loopback whose token endpoint answers with whatever ID token the
 * test forged (RS256 with its published key or another one, HS256 with the client secret, `none`),
 * to see Gatehouse refuse what a real provider would never send. Discovery and JWKS are real
 * enough for openid-client; the authorization step is skipped (the test reads the nonce from the
 * authorization URL and relays any code).
 */
import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ForgingIdp {
  issuer: string;
  /** The key published in the JWKS. */
  key: KeyObject;
  /** Another RSA key, published nowhere. */
  strangerKey: KeyObject;
  /** The next token response's ID token. */
  nextIdToken: string;
  close(): Promise<void>;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWS: RS256 with `key`, HS256 with a secret string, or `none`. */
export function forgeJwt(
  claims: Record<string, unknown>,
  signer: { alg: 'RS256'; key: KeyObject; kid?: string } | { alg: 'HS256'; secret: string } | { alg: 'none' },
): string {
  const header = { alg: signer.alg, typ: 'JWT', ...(signer.alg === 'RS256' ? { kid: signer.kid ?? 'k1' } : {}) };
  const input = `${b64(header)}.${b64(claims)}`;
  if (signer.alg === 'none') return `${input}.`;
  if (signer.alg === 'HS256') return `${input}.${createHmac('sha256', signer.secret).update(input).digest('base64url')}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(signer.key).toString('base64url')}`;
}

export async function startForgingIdp(): Promise<ForgingIdp> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' };
  const server = createServer((req, res) => {
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const path = new URL(req.url ?? '/', idp.issuer).pathname;
    if (path === '/.well-known/openid-configuration') {
      return json({
        issuer: idp.issuer,
        authorization_endpoint: `${idp.issuer}/auth`,
        token_endpoint: `${idp.issuer}/token`,
        jwks_uri: `${idp.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256', 'HS256', 'none'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (path === '/jwks') return json({ keys: [jwk] });
    if (path === '/token') {
      req.resume();
      req.on('end', () => json({ access_token: 'forged-access-token', token_type: 'Bearer', expires_in: 60, id_token: idp.nextIdToken }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const idp: ForgingIdp = {
    issuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    key: privateKey,
    strangerKey: stranger.privateKey,
    nextIdToken: '',
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return idp;
}
