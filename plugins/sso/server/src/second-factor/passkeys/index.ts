/**
 * Passkeys (WebAuthn) without HTTP: the registered credentials, single-use challenges and the
 * two ceremonies. ID's pages (`pages/handlers/passkeys`) serve them.
 */
export {
  authenticationOptions,
  methodsOf,
  signInWithPasskey,
  type PasskeyMethod,
} from './authentication';
export { passkeyChallenges } from './challenges';
export { badRequest, expiredChallenge, PasskeyError, type PasskeyErrorReason } from './errors';
export { registerPasskey, registrationOptions } from './registration';
export { relyingParty } from './relying-party';
export { hasPasskey, LABEL_MAX_LENGTH, passkeyStore, type PasskeySummary } from './store';
