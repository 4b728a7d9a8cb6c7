import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JWK, JWTHeaderParameters, JWTPayload } from 'jose';
import { expect } from 'vitest';

import { AccessTokenError } from '../../errors';
import type { AccessTokenErrorCode } from '../../errors';

/** The audience of the tests' tokens. */
export const AUDIENCE = 'https://api.vixenhealth.test';

/** When the tests' tokens are issued; they live one hour, as VixenHealth ID's do. */
export const ISSUED_AT = new Date('2030-01-01T00:00:00Z');
export const LIFETIME_S = 3600;
export const EXPIRES_AT = new Date(ISSUED_AT.getTime() + LIFETIME_S * 1000);

export interface SigningKey {
  kid: string;
  alg: 'ES256' | 'ES384' | 'RS256' | 'PS256' | 'EdDSA';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public key as VixenHealth ID publishes it. */
  jwk: JWK;
}

export async function createSigningKey(alg: SigningKey['alg'], kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicKey, jwk };
}

/** How the server answers at `/jwks`: the keys, 503, or nothing at all. */
export type JwksMode = 'up' | 'failing' | 'hanging';

/** A stand-in for VixenHealth ID: serves a JWKS at `${issuer}/jwks` on 127.0.0.1. */
export interface IdServer {
  issuer: string;
  /** Keys published at `/jwks`; replace to rotate. */
  keys: SigningKey[];
  mode: JwksMode;
  /** Requests received at `/jwks`. */
  requests: number;
  /** Stops listening and drops open connections: VixenHealth ID is unreachable. */
  stop(): Promise<void>;
}

export async function startIdServer(keys: SigningKey[]): Promise<IdServer> {
  const server = createServer((request, response) => {
    if (request.url !== '/jwks') {
      response.writeHead(404).end();
      return;
    }
    state.requests += 1;
    if (state.mode === 'hanging') return;
    if (state.mode === 'failing') {
      response.writeHead(503).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'application/jwk-set+json' })
      .end(JSON.stringify({ keys: state.keys.map((key) => key.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const state: IdServer = {
    issuer: `http://127.0.0.1:${port}`,
    keys,
    mode: 'up',
    requests: 0,
    async stop() {
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
  return state;
}

/** A user's access token claims from `issuer`; `overrides` set claims, or drop them with `undefined`. */
export function userClaims(issuer: string, overrides: JWTPayload = {}): JWTPayload {
  const iat = ISSUED_AT.getTime() / 1000;
  return {
    iss: issuer,
    sub: 'user-42',
    aud: AUDIENCE,
    iat,
    exp: iat + LIFETIME_S,
    jti: 'jti-1',
    client_id: 'clinic-site',
    scope: 'openid profile appointments:read',
    roles: ['clinic-owner', 'patient'],
    permissions: ['account:manage', 'clinics:manage'],
    clinics: [{ id: 'clinic-7', role: 'owner' }],
    ...overrides,
  };
}

/** Signs an access token as VixenHealth ID does: `{ alg, kid, typ: 'at+jwt' }`. */
export function signAccessToken(
  key: SigningKey,
  claims: JWTPayload,
  header: Partial<JWTHeaderParameters> = {}
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt', ...header })
    .sign(key.privateKey);
}

/** Awaits a verification that must fail, checks it failed with `code`, and returns the error. */
export async function refusal(
  verification: Promise<unknown>,
  code: AccessTokenErrorCode
): Promise<AccessTokenError> {
  const error: unknown = await verification.then(
    () => new Error('the token was accepted'),
    (reason: unknown) => reason
  );
  expect(error).toBeInstanceOf(AccessTokenError);
  expect(error).toMatchObject({ name: 'AccessTokenError', code });
  return error as AccessTokenError;
}
