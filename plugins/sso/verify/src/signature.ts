import { KeyObject, constants, verify } from 'node:crypto';
import type { VerifyKeyObjectInput } from 'node:crypto';
import { errors } from 'jose';
import type { CryptoKey, FlattenedJWSInput } from 'jose';

import type { AccessTokenAlgorithm } from './options';

/** How `node:crypto` checks each algorithm, and the WebCrypto key it needs. */
interface AlgorithmCheck {
  digest: string | null;
  key: { name: string; namedCurve?: string; hash?: string };
  options?: Omit<VerifyKeyObjectInput, 'key'>;
}

const ecdsa = (digest: string, namedCurve: string): AlgorithmCheck => ({
  digest,
  key: { name: 'ECDSA', namedCurve },
  options: { dsaEncoding: 'ieee-p1363' },
});
const pkcs1 = (digest: string): AlgorithmCheck => ({
  digest,
  key: { name: 'RSASSA-PKCS1-v1_5', hash: digest.toUpperCase().replace('SHA', 'SHA-') },
});
const pss = (digest: string): AlgorithmCheck => ({
  digest,
  key: { name: 'RSA-PSS', hash: digest.toUpperCase().replace('SHA', 'SHA-') },
  options: {
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  },
});

const CHECKS: Record<AccessTokenAlgorithm, AlgorithmCheck> = {
  ES256: ecdsa('sha256', 'P-256'),
  ES384: ecdsa('sha384', 'P-384'),
  ES512: ecdsa('sha512', 'P-521'),
  RS256: pkcs1('sha256'),
  RS384: pkcs1('sha384'),
  RS512: pkcs1('sha512'),
  PS256: pss('sha256'),
  PS384: pss('sha384'),
  PS512: pss('sha512'),
  EdDSA: { digest: null, key: { name: 'Ed25519' } },
  Ed25519: { digest: null, key: { name: 'Ed25519' } },
};

/** The same key as a `KeyObject`: converted once per key `jose` imported. */
const keyObjects = new WeakMap<CryptoKey, KeyObject>();

const keyObjectOf = (key: CryptoKey): KeyObject => {
  let keyObject = keyObjects.get(key);
  if (keyObject === undefined) {
    keyObject = KeyObject.from(key);
    keyObjects.set(key, keyObject);
  }
  return keyObject;
};

const fitsAlgorithm = (key: CryptoKey, expected: AlgorithmCheck['key']): boolean => {
  const algorithm = key.algorithm as {
    name: string;
    namedCurve?: string;
    hash?: { name: string };
    modulusLength?: number;
  };
  return (
    key.type === 'public' &&
    // RSA keys under 2048 bits are refused, as by `jose`.
    (algorithm.modulusLength === undefined || algorithm.modulusLength >= 2048) &&
    key.usages.includes('verify') &&
    algorithm.name === expected.name &&
    algorithm.namedCurve === expected.namedCurve &&
    algorithm.hash?.name === expected.hash
  );
};

/**
 * Checks a JWS signature with `node:crypto`'s one-shot `verify`, which runs on the calling thread:
 * WebCrypto (what `jose` uses) sends every check to the thread pool and back, which costs more than
 * the elliptic-curve arithmetic itself when a service checks a token on every request.
 *
 * @param key a key `jose`'s key set selected and imported for `algorithm`.
 * @throws errors.JWSSignatureVerificationFailed when the signature does not match.
 * @throws errors.JOSENotSupported when the key is not one for `algorithm`.
 */
export function verifySignature(
  algorithm: AccessTokenAlgorithm,
  key: CryptoKey,
  jws: FlattenedJWSInput & { protected: string }
): void {
  const check = CHECKS[algorithm];
  if (!fitsAlgorithm(key, check.key)) {
    throw new errors.JOSENotSupported(`The key is not a public ${algorithm} verification key`);
  }
  const valid =
    /^[\w-]+$/.test(jws.signature) &&
    verify(
      check.digest,
      Buffer.from(`${jws.protected}.${jws.payload}`),
      { key: keyObjectOf(key), ...check.options },
      Buffer.from(jws.signature, 'base64url')
    );
  if (!valid) throw new errors.JWSSignatureVerificationFailed();
}
