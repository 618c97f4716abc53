/**
 * The keys access tokens are signed and verified with, read from configuration.
 *
 * - HS256 (default): one shared secret, `JWT_SECRET`; nothing is published.
 * - RS256 / ES256: a private key (`JWT_PRIVATE_KEY`) signs; its public half and any previous
 *   public keys (`JWT_PREVIOUS_PUBLIC_KEYS`) verify and are published at /.well-known/jwks.json,
 *   each under its `kid`. A key's algorithm follows from its type, never from a token's header.
 *
 * Everything here is plain data (PEM text and JWKs) so the Config can be frozen; the token service
 * turns it into KeyObjects once.
 */
import { createHash, createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

export type JwtAlgorithm = 'HS256' | 'RS256' | 'ES256';
export type AsymmetricAlgorithm = Exclude<JwtAlgorithm, 'HS256'>;

export interface PublicSigningKey {
  kid: string;
  alg: AsymmetricAlgorithm;
  /** The public JWK (kty and its members only). */
  jwk: JsonWebKey;
}

export interface SigningKeys {
  /** The key new tokens are signed with; null for HS256. */
  current: { kid: string; alg: AsymmetricAlgorithm; privateKeyPem: string } | null;
  /** Keys accepted on verify and published in the JWKS: the current one first. Empty for HS256. */
  publicKeys: PublicSigningKey[];
}

export interface SigningKeyInput {
  algorithm: JwtAlgorithm;
  privateKey?: string;
  keyId?: string;
  previousPublicKeys?: string;
}

/** A configuration problem; `variable` names the setting to fix. */
export class SigningKeyError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

/** Smallest RSA modulus accepted (NIST SP 800-57: 2048 bits until 2030). */
const MIN_RSA_BITS = 2048;

/** Validates and derives the signing keys. @throws SigningKeyError naming the variable. */
export function loadSigningKeys(input: SigningKeyInput): SigningKeys {
  if (input.algorithm === 'HS256') {
    for (const [variable, value] of [
      ['JWT_PRIVATE_KEY', input.privateKey],
      ['JWT_PREVIOUS_PUBLIC_KEYS', input.previousPublicKeys],
    ] as const) {
      if (value) throw new SigningKeyError(variable, `is set but JWT_ALGORITHM is HS256; set JWT_ALGORITHM=RS256 or ES256 to sign with a key pair`);
    }
    return { current: null, publicKeys: [] };
  }
  if (!input.privateKey)
    throw new SigningKeyError('JWT_PRIVATE_KEY', `is required when JWT_ALGORITHM=${input.algorithm} (a PEM private key, or JWT_PRIVATE_KEY_FILE)`);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(unescapeNewlines(input.privateKey));
  } catch {
    throw new SigningKeyError('JWT_PRIVATE_KEY', 'is not a readable PEM private key');
  }
  const alg = algorithmOf(privateKey, 'JWT_PRIVATE_KEY');
  if (alg !== input.algorithm) throw new SigningKeyError('JWT_PRIVATE_KEY', `is a key for ${alg}, but JWT_ALGORITHM is ${input.algorithm}`);
  const jwk = publicJwk(createPublicKey(privateKey));
  const current = { kid: input.keyId ?? thumbprint(jwk), alg, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
  const publicKeys: PublicSigningKey[] = [{ kid: current.kid, alg, jwk }];
  for (const previous of parsePreviousKeys(input.previousPublicKeys ?? '')) {
    if (publicKeys.some((key) => key.kid === previous.kid)) {
      throw new SigningKeyError(
        'JWT_PREVIOUS_PUBLIC_KEYS',
        `has a second key with kid "${previous.kid}" (kids must be unique; drop the current key from the previous keys)`,
      );
    }
    publicKeys.push(previous);
  }
  return { current, publicKeys };
}

/** Previous public keys: concatenated PEM blocks (kid: the RFC 7638 thumbprint) or a JWKS `{"keys":[...]}`. */
function parsePreviousKeys(text: string): PublicSigningKey[] {
  const trimmed = unescapeNewlines(text).trim();
  if (!trimmed) return [];
  const variable = 'JWT_PREVIOUS_PUBLIC_KEYS';
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new SigningKeyError(variable, 'is not valid JSON (expected a JWKS {"keys":[...]} or PEM blocks)');
    }
    const keys = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown }).keys;
    if (!Array.isArray(keys)) throw new SigningKeyError(variable, 'must be a JWKS {"keys":[...]}');
    return keys.map((entry: unknown, index) => {
      const jwkIn = entry as JsonWebKey & { kid?: unknown; alg?: unknown };
      let key: KeyObject;
      try {
        key = createPublicKey({ key: jwkIn, format: 'jwk' });
      } catch {
        throw new SigningKeyError(variable, `key ${index} is not a valid public JWK`);
      }
      if (key.type !== 'public') throw new SigningKeyError(variable, `key ${index} must be a public key`);
      const alg = algorithmOf(key, variable);
      if (jwkIn.alg !== undefined && jwkIn.alg !== alg) throw new SigningKeyError(variable, `key ${index} says alg ${String(jwkIn.alg)} but is a ${alg} key`);
      const jwk = publicJwk(key);
      return { kid: typeof jwkIn.kid === 'string' && jwkIn.kid ? jwkIn.kid : thumbprint(jwk), alg, jwk };
    });
  }
  const blocks = trimmed.match(/-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/g);
  if (!blocks) throw new SigningKeyError(variable, 'holds no PEM block (expected -----BEGIN PUBLIC KEY----- ...) or JWKS');
  return blocks.map((pem, index) => {
    if (/PRIVATE KEY/.test(pem)) throw new SigningKeyError(variable, `block ${index} is a private key; publish only the public half (openssl pkey -pubout)`);
    let key: KeyObject;
    try {
      key = createPublicKey(pem);
    } catch {
      throw new SigningKeyError(variable, `block ${index} is not a readable PEM public key`);
    }
    const jwk = publicJwk(key);
    return { kid: thumbprint(jwk), alg: algorithmOf(key, variable), jwk };
  });
}

function algorithmOf(key: KeyObject, variable: string): AsymmetricAlgorithm {
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'rsa') {
    if ((details?.modulusLength ?? 0) < MIN_RSA_BITS) throw new SigningKeyError(variable, `RSA keys must have at least ${MIN_RSA_BITS} bits`);
    return 'RS256';
  }
  if (key.asymmetricKeyType === 'ec' && details?.namedCurve === 'prime256v1') return 'ES256';
  throw new SigningKeyError(
    variable,
    `must be an RSA (RS256) or P-256 EC (ES256) key, not ${key.asymmetricKeyType ?? 'a secret'}${details?.namedCurve ? ` on ${details.namedCurve}` : ''}`,
  );
}

/** The public members of a key as a JWK (kty, n/e or crv/x/y), nothing else. */
function publicJwk(key: KeyObject): JsonWebKey {
  const { kty, n, e, crv, x, y } = key.export({ format: 'jwk' });
  return kty === 'RSA' ? { kty, n, e } : { kty, crv, x, y };
}

/** RFC 7638 JWK thumbprint: stable, so a previous key given as PEM keeps the kid it was issued with. */
export function thumbprint(jwk: JsonWebKey): string {
  const required = jwk.kty === 'RSA' ? { e: jwk.e, kty: jwk.kty, n: jwk.n } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
  return createHash('sha256').update(JSON.stringify(required)).digest('base64url');
}

/** Environment files often carry a PEM on one line with literal `\n`s. */
function unescapeNewlines(text: string): string {
  return text.includes('\\n') ? text.replace(/\\n/g, '\n') : text;
}
