import type { Core } from '@strapi/strapi';
import type { ClientMetadata } from 'oidc-provider';

import type { ClientRegistration } from '../../../shared/contracts/clients';
import { CLIENT } from '../content-types/uids';
import { getService } from '../utils';

/** Token requests look their client up each time: a short cache keeps that off the database. */
const CACHE_MS = 5000;

interface ClientRow {
  clientId: string;
  name: string;
  encryptedSecret: string | null;
  redirectUris: string[] | null;
  postLogoutRedirectUris: string[] | null;
  grantTypes: string[] | null;
  scope: string | null;
  firstParty: boolean;
  resourceServer: boolean | null;
  accessTokenTtlSeconds: number | null;
  enabled: boolean;
}

export interface RegisteredClient {
  metadata: ClientMetadata;
  firstParty: boolean;
  resourceServer: boolean;
  accessTokenTtlSeconds: number | null;
}

/** Applications registered with ID, kept as data (admin panel or seed). */
const clients = ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = new Map<string, { at: number; client: RegisteredClient | null }>();

  const toRegistered = (row: ClientRow): RegisteredClient => {
    const grantTypes = row.grantTypes ?? [];
    const secret = row.encryptedSecret
      ? getService(strapi, 'sealed-box').open(row.encryptedSecret)
      : null;
    return {
      firstParty: row.firstParty,
      resourceServer: row.resourceServer ?? false,
      accessTokenTtlSeconds: row.accessTokenTtlSeconds,
      metadata: {
        client_id: row.clientId,
        client_name: row.name,
        ...(secret ? { client_secret: secret } : {}),
        token_endpoint_auth_method: secret ? 'client_secret_basic' : 'none',
        grant_types: grantTypes,
        response_types: grantTypes.includes('authorization_code') ? ['code'] : [],
        redirect_uris: row.redirectUris ?? [],
        post_logout_redirect_uris: row.postLogoutRedirectUris ?? [],
        scope: row.scope ?? 'openid',
      },
    };
  };

  return {
    async find(clientId: string, now = Date.now()): Promise<RegisteredClient | null> {
      const cached = cache.get(clientId);
      if (cached && now - cached.at < CACHE_MS) return cached.client;
      const row: ClientRow | null = await strapi.db
        .query(CLIENT)
        .findOne({ where: { clientId, enabled: true } });
      const client = row ? toRegistered(row) : null;
      cache.set(clientId, { at: now, client });
      return client;
    },

    /** Registers a client, or updates the one with the same id. */
    async register(registration: ClientRegistration) {
      const data = {
        clientId: registration.clientId,
        name: registration.name,
        encryptedSecret: registration.secret
          ? getService(strapi, 'sealed-box').seal(registration.secret)
          : null,
        redirectUris: registration.redirectUris ?? [],
        postLogoutRedirectUris: registration.postLogoutRedirectUris ?? [],
        grantTypes: registration.grantTypes,
        scope: registration.scope,
        firstParty: registration.firstParty,
        resourceServer: registration.resourceServer ?? false,
        accessTokenTtlSeconds: registration.accessTokenTtlSeconds ?? null,
        enabled: true,
      };
      const query = strapi.db.query(CLIENT);
      const existing = await query.findOne({
        where: { clientId: registration.clientId },
        select: ['id'],
      });
      if (existing) await query.update({ where: { id: existing.id }, data });
      else await query.create({ data });
      cache.delete(registration.clientId);
    },

    /** Disables a client, if there is one: nothing goes through it any more. */
    async unregister(clientId: string) {
      await strapi.db.query(CLIENT).updateMany({ where: { clientId }, data: { enabled: false } });
      cache.delete(clientId);
    },
  };
};

export type ClientsService = ReturnType<typeof clients>;
export default clients;
