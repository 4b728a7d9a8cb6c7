import type { Context } from 'koa';
import type Provider from 'oidc-provider';

/** One of our own pages or form targets under the issuer's path (e.g. `/interaction/:uid`). */
export interface IdRoute {
  method: 'GET' | 'POST';
  /** Matched against the path below the issuer's; capture groups become `params`. */
  path: RegExp;
  handle(ctx: Context, provider: Provider, params: string[]): Promise<void>;
}
