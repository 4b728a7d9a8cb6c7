import type { Core } from '@strapi/strapi';

import type { Account } from '../services/accounts';
import { getService } from '../utils';
import { isMultiFactor } from './acr';
import { hasPasskey } from './passkeys';

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
 * Whether the account has a second factor it must use after its password: the app (TOTP). A
 * passkey is not asked for after a password: it signs in on its own, as two factors.
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
  // Staff must hold a second factor; one who has a passkey has one, and uses it to sign in.
  const mustEnrol =
    (await getService(strapi, 'staff-directory').isStaff(account.id)) &&
    !(await hasPasskey(strapi, account.id));
  return mustEnrol ? 'enrol' : 'none';
};
