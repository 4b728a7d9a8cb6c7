import { createHash } from 'node:crypto';

import type { UpstreamFlow } from './profile';

/**
 * The authorization URL of a plain OAuth 2 provider (Yandex ID, VK ID): the code flow with
 * PKCE S256. `challengeMethod` is spelled as the provider documents it (VK writes `s256`).
 */
export const oauthAuthorizationUrl = (
  endpoint: string,
  clientId: string,
  flow: UpstreamFlow,
  { scope, challengeMethod = 'S256' }: { scope: string; challengeMethod?: 'S256' | 's256' }
) => {
  const url = new URL(endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: flow.redirectUri,
    state: flow.state,
    code_challenge: createHash('sha256').update(flow.codeVerifier).digest('base64url'),
    code_challenge_method: challengeMethod,
    scope,
  }).toString();
  return url;
};
