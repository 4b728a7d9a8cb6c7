/** An application registered with VixenHealth ID, as the CMS and the admin panel describe it. */
export interface ClientRegistration {
  clientId: string;
  name: string;
  /** Absent for a public client (a browser or mobile app), which must use PKCE. */
  secret?: string;
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  grantTypes: ('authorization_code' | 'refresh_token' | 'client_credentials')[];
  scope: string;
  /** Our own applications: users are not asked to consent to them. */
  firstParty: boolean;
  /**
   * A service that receives other clients' tokens (an API) and may ask ID about them at the
   * introspection endpoint; other clients learn only of their own tokens there.
   */
  resourceServer?: boolean;
  accessTokenTtlSeconds?: number;
}

/** What other workspaces call on the plugin's `clients` service. */
export interface ClientsContract {
  /** Registers a client, or updates the one with the same id. */
  register(registration: ClientRegistration): Promise<void>;
  /**
   * Disables a client, if there is one: no sign-in, code or refresh token goes through it any
   * more (access tokens it holds run out on their own, within their short lifetime).
   */
  unregister(clientId: string): Promise<void>;
}
