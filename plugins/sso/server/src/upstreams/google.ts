import type { UpstreamSettings } from './config';
import { oidcUpstream, standardClaims } from './oidc';

/**
 * Google: OpenID Connect (discovery at `https://accounts.google.com`). Its ID token says
 * `email_verified` for every address it vouches for — Gmail and Workspace (`hd`: the Workspace
 * domain) alike — so that flag alone decides. `ID_UPSTREAM_GOOGLE_ISSUER` points it elsewhere
 * (tests).
 */
export const googleUpstream = (settings: UpstreamSettings) =>
  oidcUpstream(settings, (claims) => ({
    ...standardClaims(claims),
    // Google sends the flag as a boolean; some older tokens carried the string "true".
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
  }));
