import { setTimeout as sleep } from 'node:timers/promises';

import type { Core } from '@strapi/strapi';
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
} from '@simplewebauthn/server';

import type { Account } from '../../services/accounts';
import type { LoginOutcome } from '../../services/login-history';
import { getService } from '../../utils';
import { badRequest, PasskeyError } from './errors';
import { relyingParty } from './relying-party';
import { passkeyStore } from './store';

const TIMEOUT_MS = 2 * 60 * 1000;

/** The RFC 8176 `amr` values a passkey proves (a subset of `AuthenticationMethod`). */
export type PasskeyMethod = 'hwk' | 'swk' | 'user' | 'mfa';

/**
 * Options for signing in with any passkey of ours the browser holds (discoverable credentials:
 * no email first, so none is listed), the person verified by the authenticator.
 */
export const authenticationOptions = (strapi: Core.Strapi) =>
  generateAuthenticationOptions({
    rpID: relyingParty(strapi).id,
    userVerification: 'required',
    timeout: TIMEOUT_MS,
    allowCredentials: [],
  });

export interface PasskeySignIn {
  response: Record<string, unknown>;
  expectedChallenge: string;
  ip: string;
  userAgent: string;
}

/**
 * RFC 8176: `hwk` is a key that never leaves its hardware; a synced passkey (backed up to a
 * cloud keychain and copied to the owner's other devices) is protected by software that can
 * export it, so `swk`. Either way it was possession plus the device's biometric or PIN
 * (`user`), which is two factors (`mfa`).
 */
export const methodsOf = (synced: boolean): PasskeyMethod[] => [
  synced ? 'swk' : 'hwk',
  'user',
  'mfa',
];

/**
 * Verifies an assertion (signature, challenge, origin, RP ID, user verification, and the
 * signature counter, which refuses a cloned authenticator), throttled and recorded in the
 * login history exactly like a password attempt on the passkey owner's email. Returns the
 * account and the methods it proved.
 */
export const signInWithPasskey = async (
  strapi: Core.Strapi,
  attempt: PasskeySignIn
): Promise<{ account: Account; methods: PasskeyMethod[] }> => {
  const credentialId = attempt.response.id;
  if (typeof credentialId !== 'string' || !/^[A-Za-z0-9_-]{16,1400}$/.test(credentialId)) {
    throw badRequest('response.id');
  }
  const store = passkeyStore(strapi);
  const history = getService(strapi, 'login-history');
  const accounts = getService(strapi, 'accounts');
  const passkey = await store.findByCredentialId(credentialId);
  const account = passkey?.user ? await accounts.findBySubject(passkey.user.documentId) : null;
  // Unknown passkeys are throttled per address and per (hashed) credential id, like unknown emails.
  const throttleKey = account?.email ?? `passkey:${credentialId}`;
  const record = (outcome: LoginOutcome) =>
    history.record({
      email: throttleKey,
      userId: account?.id ?? null,
      outcome,
      method: 'passkey',
      ip: attempt.ip,
      userAgent: attempt.userAgent,
    });

  const decision = await history.decide(throttleKey, attempt.ip);
  if (decision.retryAfterSeconds > 0) {
    await record('throttled');
    throw new PasskeyError(429, 'ERR_PASSKEY_THROTTLED', 'throttled', {
      seconds: decision.retryAfterSeconds,
    });
  }
  if (decision.holdMs > 0) await sleep(decision.holdMs);

  if (!passkey || !account) {
    await record('bad-credentials');
    throw new PasskeyError(401, 'ERR_PASSKEY_UNKNOWN', 'unknown');
  }

  const rp = relyingParty(strapi);
  const response = attempt.response as unknown as AuthenticationResponseJSON;
  let verification;
  try {
    const userHandle = response.response?.userHandle;
    // The authenticator names the account the passkey was made for: it must be the owner's.
    if (
      userHandle &&
      Buffer.from(userHandle, 'base64url').toString('utf8') !== account.documentId
    ) {
      throw new Error('The user handle names another account');
    }
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: attempt.expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: passkey.counter,
        transports: passkey.transports ?? undefined,
      },
    });
  } catch {
    verification = null;
  }
  if (!verification?.verified) {
    await record('bad-credentials');
    throw new PasskeyError(401, 'ERR_PASSKEY_VERIFICATION', 'failed');
  }
  if (account.blocked) {
    await record('blocked');
    throw new PasskeyError(403, 'ERR_PASSKEY_BLOCKED', 'blocked');
  }
  const { newCounter, credentialBackedUp, credentialDeviceType } = verification.authenticationInfo;
  await store.recordUse(passkey.id, { counter: newCounter, backedUp: credentialBackedUp });
  await record('success');
  return {
    account,
    methods: methodsOf(credentialBackedUp || credentialDeviceType === 'multiDevice'),
  };
};
