import { setTimeout as sleep } from 'node:timers/promises';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { CREDENTIAL, USER, USER_ROLE } from '../content-types/uids';
import { DECOY_HASH, hashPassword, needsRehash, verifyPassword } from '../passwords/hash';
import { passwordProblem } from '../passwords/policy';
import { getService } from '../utils';
import { ownedBy } from '../utils/owned-by';
import type { LoginOutcome } from './login-history';
import { platformAccess, type ClinicMembership, type PlatformAccess } from './platform-access';

const CLINIC = 'api::clinic.clinic';

export interface Account {
  id: number;
  documentId: string;
  email: string;
  username: string;
  confirmed: boolean;
  blocked: boolean;
  fullName?: string | null;
  phone?: string | null;
  role: { id: number; type: string } | null;
}

export type SignInResult =
  | { ok: true; account: Account }
  | { ok: false; reason: 'bad-credentials' | 'blocked'; account?: undefined }
  | { ok: false; reason: 'unverified'; account: Account }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export interface SignInAttempt {
  email: string;
  password: string;
  ip: string;
  userAgent: string;
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** A refused password, naming the field and the rule it broke (a `PasswordProblem`). */
export const passwordError = (problem: string) =>
  new errors.ValidationError(`password: ${problem}`, {
    errors: [{ path: ['password'], message: problem, name: 'ValidationError' }],
  });

/**
 * People who sign in with VixenHealth ID: users-permissions users, whose passwords ID keeps
 * (Argon2id) in its own credential records.
 */
const accounts = ({ strapi }: { strapi: Core.Strapi }) => {
  const findByEmail = async (email: string): Promise<Account | null> =>
    strapi.db.query(USER).findOne({ where: { email: normaliseEmail(email) }, populate: ['role'] });

  const credentialOf = async (
    userId: number
  ): Promise<{ id: number; passwordHash: string } | null> =>
    strapi.db.query(CREDENTIAL).findOne({ where: await ownedBy(strapi, CREDENTIAL, userId) });

  const clinicsOf = async (userId: number): Promise<ClinicMembership[]> => {
    const query = strapi.db.query(CLINIC);
    const [owned, administered] = await Promise.all(
      (['owners', 'administrators'] as const).map((relation) =>
        query.findMany({
          where: { [relation]: { id: userId }, publishedAt: null },
          select: ['documentId'],
        })
      )
    );
    const memberships = new Map<string, ClinicMembership>();
    for (const clinic of administered)
      memberships.set(clinic.documentId, { id: clinic.documentId, role: 'administrator' });
    for (const clinic of owned)
      memberships.set(clinic.documentId, { id: clinic.documentId, role: 'owner' });
    return [...memberships.values()];
  };

  return {
    findByEmail,

    async findBySubject(sub: string): Promise<Account | null> {
      return strapi.db.query(USER).findOne({ where: { documentId: sub }, populate: ['role'] });
    },

    /**
     * Creates an account that must confirm its email before signing in. The password is checked
     * first, so a refused one leaves nothing behind.
     */
    async register(email: string, password: string): Promise<Account> {
      const address = normaliseEmail(email);
      const problem = passwordProblem(password, address);
      if (problem) throw passwordError(problem);
      const role = await strapi.db
        .query(USER_ROLE)
        .findOne({ where: { type: 'authenticated' }, select: ['id'] });
      const passwordHash = await hashPassword(password);
      return strapi.db.transaction(async () => {
        const user = await strapi.documents(USER).create({
          data: {
            username: address,
            email: address,
            provider: 'vixenhealth-id',
            confirmed: false,
            blocked: false,
            role: role?.id,
          },
        });
        await strapi.db
          .query(CREDENTIAL)
          .create({ data: { user: user.id, passwordHash, passwordChangedAt: new Date() } });
        return (await strapi.db
          .query(USER)
          .findOne({ where: { id: user.id }, populate: ['role'] })) as Account;
      });
    },

    /** Marks an address as confirmed, switching the account to it when it was a new one. */
    async confirmEmail(userId: number, email: string) {
      const taken = await strapi.db
        .query(USER)
        .findOne({ where: { email, id: { $ne: userId } }, select: ['id'] });
      if (taken) return false;
      await strapi.db
        .query(USER)
        .update({ where: { id: userId }, data: { email, confirmed: true } });
      return true;
    },

    /** Sets a user's password after checking it against the policy. */
    async setPassword(account: Pick<Account, 'id' | 'email'>, password: string, now = new Date()) {
      const problem = passwordProblem(password, account.email);
      if (problem) throw passwordError(problem);
      const passwordHash = await hashPassword(password);
      const existing = await credentialOf(account.id);
      const data = { passwordHash, passwordChangedAt: now };
      if (existing) await strapi.db.query(CREDENTIAL).update({ where: { id: existing.id }, data });
      else await strapi.db.query(CREDENTIAL).create({ data: { ...data, user: account.id } });
    },

    /**
     * Checks an email and password, throttled per email and address (see `login-history`),
     * recording the attempt whatever its outcome. An unknown email is throttled and costs the
     * same time as a wrong password: its answers are those of a known one.
     */
    async signIn(attempt: SignInAttempt): Promise<SignInResult> {
      const history = getService(strapi, 'login-history');
      const account = await findByEmail(attempt.email);
      const record = (outcome: LoginOutcome) =>
        history.record({
          email: attempt.email,
          userId: account?.id ?? null,
          outcome,
          method: 'password',
          ip: attempt.ip,
          userAgent: attempt.userAgent,
        });

      const [decision, credential] = await Promise.all([
        history.decide(attempt.email, attempt.ip),
        account ? credentialOf(account.id) : null,
      ]);
      if (decision.retryAfterSeconds > 0) {
        await record('throttled');
        return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };
      }
      if (decision.holdMs > 0) await sleep(decision.holdMs);

      const matches = await verifyPassword(
        attempt.password,
        credential?.passwordHash ?? DECOY_HASH
      );
      if (!account || !credential || !matches) {
        await record('bad-credentials');
        return { ok: false, reason: 'bad-credentials' };
      }
      if (account.blocked) {
        await record('blocked');
        return { ok: false, reason: 'blocked' };
      }
      if (!account.confirmed) {
        await record('unverified');
        return { ok: false, reason: 'unverified', account };
      }
      if (needsRehash(credential.passwordHash)) {
        await strapi.db.query(CREDENTIAL).update({
          where: { id: credential.id },
          data: { passwordHash: await hashPassword(attempt.password) },
        });
      }
      await record('success');
      return { ok: true, account };
    },

    /** Roles, permissions and clinics of a user, as access tokens carry them. */
    async accessOf(account: Account): Promise<PlatformAccess> {
      const [clinics, staff] = await Promise.all([
        clinicsOf(account.id),
        getService(strapi, 'staff-directory').accessOf(account.id),
      ]);
      return platformAccess(account.role?.type ?? 'authenticated', clinics, staff);
    },
  };
};

export type AccountsService = ReturnType<typeof accounts>;
export default accounts;
