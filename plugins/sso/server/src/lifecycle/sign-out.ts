import type { Core } from '@strapi/strapi';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';

import { getService } from '../utils';

/**
 * Signing out of VixenHealth (RP-initiated logout, "yes, sign me out") ends the grants of our
 * own applications in that browser session, even those given `offline_access`, which
 * oidc-provider would keep: their refresh tokens stop working and their JWT access tokens are
 * refused. Third parties the user consented to keep working while the user is away, as
 * `offline_access` promised.
 */
export const endOwnGrantsOnSignOut = (strapi: Core.Strapi, oidc: Provider) => {
  const signedOut = new WeakSet<object>();
  oidc.on('end_session.success', (ctx: KoaContextWithOIDC) => {
    if (ctx.oidc.params?.logout) signedOut.add(ctx);
  });

  // After the endpoint has run, and before its answer leaves: the application that asked to
  // sign out may call the API with the old token the moment the browser comes back.
  oidc.use(async (ctx, next) => {
    await next();
    if (!signedOut.has(ctx)) return;
    const session = (ctx as KoaContextWithOIDC).oidc.session!;
    const clients = getService(strapi, 'clients');
    await Promise.all(
      Object.entries(session.authorizations ?? {}).map(async ([clientId, { grantId }]) => {
        // Those that did not persist, oidc-provider has ended already.
        if (!grantId || !session.authorizationFor(clientId)?.persistsLogout) return;
        if (!(await clients.find(clientId))?.firstParty) return;
        await Promise.all([
          oidc.Grant.adapter.destroy(grantId),
          oidc.AccessToken.adapter.revokeByGrantId(grantId),
        ]);
      })
    );
  });
};
