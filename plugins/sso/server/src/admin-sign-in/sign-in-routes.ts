import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import * as client from 'openid-client';

import { getConfig } from '../utils';
import { upsertAdminUser } from './admin-users';
import { startAdminSession } from './admin-session';
import { AdminSignInError } from './errors';
import { adminCallbackUrl, CALLBACK_PATH, START_PATH } from './paths';
import { rememberPendingSignIn, takePendingSignIn } from './pending-sign-in';
import { renderRefusal } from './refusal-page';
import { adminRelyingParty } from './relying-party';
import { usedSecondFactor } from './second-factor';
import { staffAdminAccess } from './staff-admin-access';
import { USER } from '../content-types/uids';

/** Where a signed-in staff member lands: the admin panel's home. */
const ADMIN_HOME = '/admin';

/**
 * `GET /admin/auth/vixenhealth-id`: sends the browser to ID's authorization endpoint as the
 * admin panel's client (code + PKCE S256, state, nonce).
 */
const start = (strapi: Core.Strapi) => async (ctx: Context) => {
  const config = await adminRelyingParty(strapi);
  const pending = rememberPendingSignIn(ctx);
  const authorization = client.buildAuthorizationUrl(config, {
    redirect_uri: adminCallbackUrl(strapi),
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  ctx.set('Cache-Control', 'no-store');
  ctx.status = 303;
  ctx.redirect(authorization.href);
};

/** Redeems the code (openid-client checks state, PKCE, nonce, issuer and the ID token). */
const redeem = async (strapi: Core.Strapi, ctx: Context) => {
  const pending = takePendingSignIn(ctx, ctx.query.state);
  if (!pending) throw new AdminSignInError('ERR_ADMIN_SIGN_IN_EXPIRED', 'No pending sign-in');
  if (ctx.query.error === 'access_denied') {
    throw new AdminSignInError('ERR_ADMIN_SIGN_IN_CANCELLED', 'Cancelled at ID');
  }
  const config = await adminRelyingParty(strapi);
  // The address ID redirected to, as ID saw it (not as a proxy in front of us rewrote it).
  const current = new URL(
    `${adminCallbackUrl(strapi)}${ctx.querystring ? `?${ctx.querystring}` : ''}`
  );
  try {
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    return { claims, info };
  } catch (cause) {
    throw new AdminSignInError('ERR_ADMIN_SIGN_IN_CODE', 'ID refused the sign-in', { cause });
  }
};

/**
 * `GET /admin/auth/vixenhealth-id/callback`: the person signed in at ID; if the directory gives
 * them an admin role (and they used a second factor, when required), their admin user is
 * created or brought up to date and a normal admin session starts.
 */
const callback = (strapi: Core.Strapi) => async (ctx: Context) => {
  try {
    const { claims, info } = await redeem(strapi, ctx);
    const account: { id: number } | null = await strapi.db
      .query(USER)
      .findOne({ where: { documentId: claims.sub }, select: ['id'] });
    if (!account) throw new AdminSignInError('ERR_ADMIN_SIGN_IN_NO_ACCOUNT', 'No such account');
    const access = await staffAdminAccess(strapi, account.id);
    if (!access.allowed) throw new AdminSignInError(access.code, 'No admin panel access');
    if (getConfig(strapi).adminRequireSecondFactor && !usedSecondFactor(claims.amr)) {
      throw new AdminSignInError('ERR_ADMIN_SIGN_IN_NO_SECOND_FACTOR', 'No second factor used');
    }
    if (typeof info.email !== 'string' || !info.email) {
      throw new AdminSignInError('ERR_ADMIN_SIGN_IN_NO_EMAIL', 'ID gave no email');
    }
    const adminUser = await upsertAdminUser(
      strapi,
      {
        userId: account.id,
        email: info.email,
        name: typeof info.name === 'string' ? info.name : undefined,
      },
      access.roleIds
    );
    await startAdminSession(strapi, ctx, adminUser.id);
    strapi.log.info(`ID admin sign-in: admin user ${adminUser.id}`);
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 303;
    ctx.redirect(ADMIN_HOME);
  } catch (error) {
    if (!(error instanceof AdminSignInError)) throw error;
    strapi.log.warn(`ID admin sign-in refused: ${error.code}`);
    renderRefusal(ctx, error.refusal);
  }
};

/**
 * The two routes on the admin server, with their full paths (no `/admin` prefix added) and no
 * admin authentication: they are where it starts.
 */
export const registerAdminSignInRoutes = (strapi: Core.Strapi) => {
  const info = { pluginName: 'sso' };
  strapi.server.routes({
    type: 'admin',
    prefix: '',
    routes: [
      { method: 'GET', path: START_PATH, handler: start(strapi), config: { auth: false }, info },
      {
        method: 'GET',
        path: CALLBACK_PATH,
        handler: callback(strapi),
        config: { auth: false },
        info,
      },
    ],
  });
};
