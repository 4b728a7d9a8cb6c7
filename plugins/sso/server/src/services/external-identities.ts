import type { Core } from '@strapi/strapi';

import { CREDENTIAL, EXTERNAL_IDENTITY, USER, USER_ROLE } from '../content-types/uids';
import { createUpstreamRegistry, type UpstreamRegistry } from '../upstreams/registry';
import type { UpstreamProfile } from '../upstreams/profile';
import type { Account } from './accounts';

export interface ExternalIdentity {
  id: number;
  documentId: string;
  provider: string;
  subject: string;
  email: string | null;
  linkedAt: string;
  lastUsedAt: string | null;
}

/** Why an identity could not be linked or unlinked. */
export type LinkRefusal = 'linked-elsewhere' | 'last-way-in' | 'not-found';

/**
 * Accounts at upstream providers (Google, Yandex ID, VK ID, company realms) linked to ID
 * accounts: one per provider and subject, each signing in to exactly one account.
 */
const externalIdentities = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(EXTERNAL_IDENTITY);
  let registry: UpstreamRegistry | null = null;

  return {
    /** The configured providers (read from the environment at first use). */
    upstreams(): UpstreamRegistry {
      registry ??= createUpstreamRegistry();
      return registry;
    },

    /** The account an upstream identity signs in to, if it is linked. */
    async accountOf(profile: Pick<UpstreamProfile, 'provider' | 'subject'>) {
      const row = await rows().findOne({
        where: { provider: profile.provider, subject: profile.subject },
        populate: { user: { populate: ['role'] } },
      });
      return row?.user ? { identity: row as ExternalIdentity, account: row.user as Account } : null;
    },

    async listOf(userId: number): Promise<ExternalIdentity[]> {
      return rows().findMany({ where: { user: { id: userId } }, orderBy: { linkedAt: 'asc' } });
    },

    /** Links `profile` to the account; refused when it already signs in to another one. */
    async link(
      userId: number,
      profile: UpstreamProfile,
      now = new Date()
    ): Promise<{ ok: true } | { ok: false; reason: LinkRefusal }> {
      const existing = await rows().findOne({
        where: { provider: profile.provider, subject: profile.subject },
        populate: ['user'],
      });
      if (existing) {
        return existing.user?.id === userId
          ? { ok: true }
          : { ok: false, reason: 'linked-elsewhere' };
      }
      await rows().create({
        data: {
          user: userId,
          provider: profile.provider,
          subject: profile.subject,
          email: profile.email,
          linkedAt: now,
          lastUsedAt: null,
        },
      });
      return { ok: true };
    },

    async touch(identityId: number, now = new Date()) {
      await rows().update({ where: { id: identityId }, data: { lastUsedAt: now } });
    },

    /**
     * Unlinks one of the user's identities, unless it is their last way to sign in (no
     * password and no other linked identity): an account nobody can enter is lost.
     */
    async unlink(
      userId: number,
      identityId: number
    ): Promise<{ ok: true; provider: string } | { ok: false; reason: LinkRefusal }> {
      return strapi.db.transaction(async () => {
        const identity = await rows().findOne({
          where: { id: identityId, user: { id: userId } },
        });
        if (!identity) return { ok: false as const, reason: 'not-found' as const };
        const [others, password] = await Promise.all([
          rows().count({ where: { user: { id: userId }, id: { $ne: identityId } } }),
          strapi.db.query(CREDENTIAL).count({ where: { user: { id: userId } } }),
        ]);
        if (others === 0 && password === 0) {
          return { ok: false as const, reason: 'last-way-in' as const };
        }
        await rows().delete({ where: { id: identityId } });
        return { ok: true as const, provider: identity.provider as string };
      });
    },

    /**
     * A new account for someone an upstream provider signed in, with no password (they sign in
     * through the provider), confirmed only when the provider verified the email.
     */
    async createAccount(profile: UpstreamProfile & { email: string }, now = new Date()) {
      const role = await strapi.db
        .query(USER_ROLE)
        .findOne({ where: { type: 'authenticated' }, select: ['id'] });
      const fullName = [profile.givenName, profile.familyName].filter(Boolean).join(' ') || null;
      return strapi.db.transaction(async () => {
        const user = await strapi.documents(USER).create({
          data: {
            username: profile.email,
            email: profile.email,
            provider: 'vixenhealth-id',
            confirmed: profile.emailVerified,
            blocked: false,
            role: role?.id,
            ...(fullName ? { fullName } : {}),
          },
        });
        await rows().create({
          data: {
            user: user.id,
            provider: profile.provider,
            subject: profile.subject,
            email: profile.email,
            linkedAt: now,
            lastUsedAt: profile.emailVerified ? now : null,
          },
        });
        return (await strapi.db
          .query(USER)
          .findOne({ where: { id: user.id }, populate: ['role'] })) as Account;
      });
    },
  };
};

export type ExternalIdentitiesService = ReturnType<typeof externalIdentities>;
export default externalIdentities;
