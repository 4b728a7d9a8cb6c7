import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

/**
 * Runs `task` once the answer has gone out, so that nothing it does (looking the email up,
 * creating the account, hashing, mailing) shows in how long the answer took: the answer is the
 * same whether the email has an account or not, and so is its timing. A failure is logged by
 * name only (mail errors may carry the address); the answer has already been sent.
 */
export const afterResponse = (
  strapi: Core.Strapi,
  ctx: Context,
  label: string,
  task: () => Promise<void>
) => {
  ctx.res.once('close', () => {
    task().catch((error: Error & { code?: string }) =>
      strapi.log.error(`ID ${label} failed after the answer: ${error.name} ${error.code ?? ''}`)
    );
  });
};
