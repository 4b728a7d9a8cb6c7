import { AccountSignInError } from './errors';

/** Our own token endpoint answers in milliseconds; anything slower is an outage. */
const TIMEOUT_MS = 10_000;

export interface CodeRedemption {
  issuer: string;
  clientId: string;
  redirectUri: string;
  code: string;
  verifier: string;
}

/**
 * Redeems an authorization code at ID's token endpoint, as any application does, so the code
 * is used up and PKCE checked by oidc-provider itself. Returns the access token it issued.
 */
export const redeemCode = async (redemption: CodeRedemption): Promise<string> => {
  let response: Response;
  try {
    response = await fetch(`${redemption.issuer.replace(/\/$/, '')}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: redemption.clientId,
        redirect_uri: redemption.redirectUri,
        code: redemption.code,
        code_verifier: redemption.verifier,
      }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    throw new AccountSignInError(
      'ERR_ACCOUNT_TOKEN_UNREACHABLE',
      'The token endpoint is unreachable',
      {
        cause,
      }
    );
  }
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: unknown;
    error?: unknown;
  };
  if (!response.ok || typeof body.access_token !== 'string') {
    throw new AccountSignInError(
      'ERR_ACCOUNT_CODE_REFUSED',
      `The token endpoint refused the code (${String(body.error ?? response.status)})`
    );
  }
  return body.access_token;
};
