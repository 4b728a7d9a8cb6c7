import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { LoginOutcome } from '../../../services/login-history';
import { getService } from '../../../utils';
import { requestSource } from '../../request/request-source';

/** Puts an upstream sign-in (or its failure) in the login history, method `fed:<provider>`. */
export const recordUpstreamSignIn = (
  strapi: Core.Strapi,
  ctx: Context,
  attempt: { provider: string; email: string | null; userId: number | null; outcome: LoginOutcome }
) =>
  getService(strapi, 'login-history').record({
    email: attempt.email ?? '',
    userId: attempt.userId,
    outcome: attempt.outcome,
    method: `fed:${attempt.provider}`,
    ip: requestSource(strapi, ctx),
    userAgent: ctx.get('user-agent'),
  });
