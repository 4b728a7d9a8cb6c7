import type { Context } from 'koa';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';

/** Hands the outcome of one of our screens back to oidc-provider and follows its redirect. */
export const finishInteraction = async (
  ctx: Context,
  provider: Provider,
  result: InteractionResults
) => {
  const redirectTo = await provider.interactionResult(ctx.req, ctx.res, result, {
    mergeWithLastSubmission: false,
  });
  ctx.status = 303;
  ctx.redirect(redirectTo);
};
