import * as client from 'openid-client';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { discover, signInThroughForm } from '@vixenhealth/tooling/testing/relying-party';

const PATIENT = { email: 'patient@demo.vixenhealth.local', password: 'Demo-user-password-1' };
const RESOURCE_SERVER = {
  clientId: 'records-api',
  secret: 'a-long-enough-resource-server-secret-0123456789',
};

let id: IdTest;

const signIn = async (scope?: string) => {
  const flow = await signInThroughForm(id.portal, PATIENT, { scope });
  return client.authorizationCodeGrant(id.portal, flow.callback!, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
  });
};

beforeAll(async () => {
  id = await startIdTest();
  await id.cms.strapi
    .plugin('sso')
    .service('clients')
    .register({
      clientId: RESOURCE_SERVER.clientId,
      name: 'Records API',
      secret: RESOURCE_SERVER.secret,
      grantTypes: ['client_credentials'],
      scope: 'api',
      firstParty: true,
      resourceServer: true,
    });
});
afterAll(async () => id?.stop());

describe('introspection', () => {
  /** A portal user's tokens of every kind: opaque access, JWT access, refresh. */
  const portalTokens = async () => {
    const opaque = await signIn('openid email profile');
    const withApi = await signIn();
    return {
      'an opaque access token': opaque.access_token,
      'an API access token (JWT)': withApi.access_token,
      'a refresh token': withApi.refresh_token!,
    };
  };

  it('tells another client nothing about a user’s tokens', async () => {
    const service = await discover(id.issuer, 'demo-service', process.env.ID_DEMO_CLIENT_SECRET);
    for (const [kind, token] of Object.entries(await portalTokens())) {
      const answer = await client.tokenIntrospection(service, token);
      expect(answer, kind).toEqual({ active: false });
    }
  });

  it('answers the token’s own client', async () => {
    for (const [kind, token] of Object.entries(await portalTokens())) {
      const answer = await client.tokenIntrospection(id.portal, token);
      expect(answer.active, kind).toBe(true);
      expect(answer.client_id, kind).toBe('portal');
    }
  });

  it('answers a registered resource server', async () => {
    const server = await discover(id.issuer, RESOURCE_SERVER.clientId, RESOURCE_SERVER.secret);
    const tokens = await portalTokens();
    const answer = await client.tokenIntrospection(server, tokens['an API access token (JWT)']);
    expect(answer).toMatchObject({
      active: true,
      client_id: 'portal',
      sub: decodeJwt(tokens['an API access token (JWT)']).sub,
    });
  });

  it('reports a revoked API access token inactive', async () => {
    const { access_token: token } = await signIn();
    await client.tokenRevocation(id.portal, token, { token_type_hint: 'access_token' });
    expect(await client.tokenIntrospection(id.portal, token)).toEqual({ active: false });
  });
});

describe('discovery advertises what is served', () => {
  it('every scope it lists, our own client may ask for and is granted', async () => {
    const scopes = id.portal.serverMetadata().scopes_supported!;
    expect(scopes).not.toContain('phone');
    const tokens = await signIn(scopes.join(' '));
    // The access token carries the API's scope, the refresh token the OpenID Connect ones;
    // offline_access is the refresh token itself (oidc-provider keeps it out of `scope`).
    const refresh = await client.tokenIntrospection(id.portal, tokens.refresh_token!);
    const granted = [
      ...String(refresh.scope).split(' '),
      ...tokens.scope!.split(' '),
      ...(tokens.refresh_token ? ['offline_access'] : []),
    ];
    expect(new Set(granted)).toEqual(new Set(scopes));
  });

  it('every claim of a scope it lists appears in the ID token or at userinfo', async () => {
    // oidc-provider always lists the protocol's own claims: `auth_time` (served when `max_age`
    // asks for it) and `sid` (for front- and back-channel logout, which ID does not offer).
    // `act` is served only while staff act as the person (see impersonation.test.ts).
    const claims = id.portal
      .serverMetadata()
      .claims_supported!.filter((claim) => !['auth_time', 'sid', 'act'].includes(claim));
    expect(claims).not.toContain('updated_at');
    expect(claims).not.toContain('phone_number');
    const tokens = await signIn(id.portal.serverMetadata().scopes_supported!.join(' '));
    const idToken = decodeJwt(tokens.id_token!);
    const opaque = await signIn('openid email profile');
    const userinfo = await client.fetchUserInfo(
      id.portal,
      opaque.access_token,
      String(idToken.sub)
    );
    const served = new Set([...Object.keys(idToken), ...Object.keys(userinfo)]);
    expect(claims.filter((claim) => !served.has(claim))).toEqual([]);
  });
});
