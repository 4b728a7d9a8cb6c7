import type { Core } from '@strapi/strapi';
import * as client from 'openid-client';

import { getConfig } from '../utils';
import { ADMIN_PANEL_CLIENT_ID } from './paths';

/** The discovered configuration, per CMS: ID's metadata does not change while it runs. */
const configurations = new WeakMap<Core.Strapi, Promise<client.Configuration>>();

/**
 * The admin panel as a relying party of our own ID, through openid-client (the reference RP):
 * it checks state, PKCE, nonce, the issuer and the ID token's signature for us. Discovered on
 * first use (ID answers only once the server listens); a failed discovery is retried next time.
 */
export const adminRelyingParty = (strapi: Core.Strapi): Promise<client.Configuration> => {
  const cached = configurations.get(strapi);
  if (cached) return cached;
  const { issuer } = getConfig(strapi);
  const discovered = client.discovery(
    new URL(issuer),
    ADMIN_PANEL_CLIENT_ID,
    undefined,
    client.None(),
    // Plain http only where the issuer itself is (development and tests on loopback).
    new URL(issuer).protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined
  );
  configurations.set(strapi, discovered);
  discovered.catch(() => configurations.delete(strapi));
  return discovered;
};
