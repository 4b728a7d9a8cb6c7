/** Who an upstream provider says signed in, in the shape every provider's answer is mapped to. */
export interface UpstreamProfile {
  /** The configured provider's id: `google`, `yandex`, `vk`, or a generic one's lowercased name. */
  provider: string;
  /** The provider's stable id of the person (`sub`, Yandex's `id`, VK's `user_id`). */
  subject: string;
  email: string | null;
  /** Only true when the provider vouches that the person controls the address. */
  emailVerified: boolean;
  givenName: string | null;
  familyName: string | null;
}

export type UpstreamErrorCode =
  | 'ERR_UPSTREAM_UNKNOWN'
  | 'ERR_UPSTREAM_STATE'
  | 'ERR_UPSTREAM_DENIED'
  | 'ERR_UPSTREAM_TOKEN'
  | 'ERR_UPSTREAM_PROFILE';

/** An upstream sign-in that could not be finished; the person may start again. */
export class UpstreamError extends Error {
  readonly status = 400;

  constructor(
    readonly code: UpstreamErrorCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
    this.name = 'UpstreamError';
  }
}

/** What a provider needs to send the browser to sign in, and to finish when it comes back. */
export interface UpstreamFlow {
  redirectUri: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** One configured upstream provider, whatever protocol it speaks. */
export interface Upstream {
  id: string;
  /** The button's words ("Google", "Яндекс ID", a company realm's name). */
  label: string;
  authorizationUrl(flow: UpstreamFlow): Promise<URL>;
  /** Redeems the callback (`callback`: the full URL the browser came back to) for a profile. */
  profile(callback: URL, flow: UpstreamFlow): Promise<UpstreamProfile>;
}

/** A trimmed string, or null for anything else or an empty one. */
export const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 255) : null;
