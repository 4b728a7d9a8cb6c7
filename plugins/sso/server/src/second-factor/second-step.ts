import type { Core } from '@strapi/strapi';

import type { Account } from '../services/accounts';
import { getService } from '../utils';
import { isMultiFactor } from './acr';

/** What a sign-in still needs after its first step. */
export type SecondStep =
  /** Nothing: log in now. */
  | 'none'
  /** Nothing: this browser passed the second step lately ("remember this device"). */
  | 'remembered'
  /** A code from the app or a recovery code. */
  | 'verify'
  /** Staff without a second factor: set one up first. */
  | 'enrol';

/**
 * Whether the account has a second factor it must use after its password. The hook for every
 * kind of second factor: TOTP here; passkeys add theirs (`|| await hasPasskey(...)`).
 */
export const hasSecondFactor = async (strapi: Core.Strapi, userId: number): Promise<boolean> =>
  getService(strapi, 'totp').isEnrolled(userId);

/**
 * Decides the second step of a sign-in whose first step proved `methods`. Only a password
 * alone asks for more: a passkey, or an upstream provider, is not followed by a code.
 */
export const secondStepFor = async (
  strapi: Core.Strapi,
  account: Pick<Account, 'id'>,
  methods: readonly string[],
  deviceToken: string | undefined
): Promise<SecondStep> => {
  if (isMultiFactor(methods) || !methods.includes('pwd')) return 'none';
  if (await hasSecondFactor(strapi, account.id)) {
    const remembered = await getService(strapi, 'remembered-devices').recognises(
      account.id,
      deviceToken
    );
    return remembered ? 'remembered' : 'verify';
  }
  return (await getService(strapi, 'staff-directory').isStaff(account.id)) ? 'enrol' : 'none';
};
