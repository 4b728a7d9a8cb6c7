import type { Core } from '@strapi/strapi';
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';

import type { Account } from '../../services/accounts';
import { PasskeyError } from './errors';
import { relyingParty } from './relying-party';
import { passkeyStore } from './store';

/** How long the browser waits for the person to create the passkey. */
const TIMEOUT_MS = 2 * 60 * 1000;

/**
 * What the browser needs to create a passkey for `account`: a discoverable credential (so it
 * signs in without an email) with user verification, none of the account's existing ones.
 * The user handle is the account's `documentId`, which an assertion gives back.
 */
export const registrationOptions = async (strapi: Core.Strapi, account: Account) => {
  const rp = relyingParty(strapi);
  const existing = await passkeyStore(strapi).credentialIdsOf(account.id);
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: account.email,
    userDisplayName: account.fullName || account.email,
    userID: new TextEncoder().encode(account.documentId),
    attestationType: 'none',
    timeout: TIMEOUT_MS,
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.credentialId,
      transports: passkey.transports ?? undefined,
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
};

/**
 * Checks the browser's attestation against the challenge it was given, for this origin and RP
 * ID, with the person verified, and keeps the new passkey's public key.
 */
export const registerPasskey = async (
  strapi: Core.Strapi,
  account: Account,
  options: { response: Record<string, unknown>; expectedChallenge: string; label: string }
) => {
  const rp = relyingParty(strapi);
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: options.response as unknown as RegistrationResponseJSON,
      expectedChallenge: options.expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch (cause) {
    throw new PasskeyError(400, 'ERR_PASSKEY_VERIFICATION', 'failed', {}, { cause });
  }
  if (!verification.verified) {
    throw new PasskeyError(400, 'ERR_PASSKEY_VERIFICATION', 'failed');
  }
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  const store = passkeyStore(strapi);
  // Excluded in the options already; a browser that ignored it must not move a key between accounts.
  if (await store.findByCredentialId(credential.id)) {
    throw new PasskeyError(400, 'ERR_PASSKEY_VERIFICATION', 'failed');
  }
  await store.create({
    userId: account.id,
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: credential.transports ?? [],
    deviceType: credentialDeviceType,
    backedUp: credentialBackedUp,
    label: options.label,
  });
};
