import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { UpstreamProfile } from '../../../upstreams/profile';
import { getService } from '../../../utils';

const COOKIE = 'vh_id_upstream';
/** Long enough to sign in at the provider (or fetch a mailed link); then it starts again. */
const MAX_AGE_MS = 30 * 60 * 1000;

/** Where a started upstream sign-in leads: an ID sign-in (interaction), or linking in "my account". */
export type FlowPurpose =
  { purpose: 'sign-in'; uid: string } | { purpose: 'link'; accountId: string };

/** What this browser is in the middle of with an upstream provider. */
export type UpstreamFlowState =
  | ({
      stage: 'started';
      provider: string;
      state: string;
      nonce: string;
      verifier: string;
    } & FlowPurpose)
  /** Back from the provider with a profile, to be decided on within the interaction `uid`. */
  | { stage: 'returned'; uid: string; profile: UpstreamProfile }
  /** Waiting for the person to prove they own account `userId` before linking `profile`. */
  | { stage: 'confirm'; uid: string; profile: UpstreamProfile; userId: number };

/**
 * The flow lives in one cookie of this browser, sealed (AES-256-GCM under the key encryption
 * key): its state, nonce and PKCE verifier never leave the browser readable, and nobody can
 * plant a profile. The state in the callback must equal the one sealed here, which binds the
 * answer to this browser; the interaction uid sealed with it binds it to that sign-in.
 */
export const saveFlow = (
  strapi: Core.Strapi,
  ctx: Context,
  base: string,
  flow: UpstreamFlowState,
  now = Date.now()
) => {
  const sealed = getService(strapi, 'sealed-box').seal(
    JSON.stringify({ ...flow, expiresAt: now + MAX_AGE_MS })
  );
  ctx.cookies.set(COOKIE, sealed, {
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET that must carry it.
    sameSite: 'lax',
    path: base,
    secure: ctx.secure,
    signed: false,
    overwrite: true,
    maxAge: MAX_AGE_MS,
  });
};

/** The flow this browser holds, if any, unexpired and untampered. */
export const readFlow = (
  strapi: Core.Strapi,
  ctx: Context,
  now = Date.now()
): UpstreamFlowState | null => {
  const sealed = ctx.cookies.get(COOKIE);
  if (!sealed) return null;
  try {
    const flow = JSON.parse(getService(strapi, 'sealed-box').open(sealed)) as UpstreamFlowState & {
      expiresAt: number;
    };
    return flow.expiresAt > now ? flow : null;
  } catch {
    return null;
  }
};

export const clearFlow = (ctx: Context, base: string) => {
  ctx.cookies.set(COOKIE, null, { path: base, httpOnly: true, signed: false, secure: ctx.secure });
};
