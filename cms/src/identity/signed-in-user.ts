import type { Context } from 'koa';

import { notAllowed } from '../errors';

/**
 * The id of the person signed in (ID or users-permissions token). A service token is not a
 * person: 403 `people-only`, with `message` saying what is for people.
 */
export const signedInUserId = (ctx: Context, message: string): number => {
  const user = ctx.state.user as { id?: number } | undefined;
  if (!user?.id) throw notAllowed('people-only', message);
  return user.id;
};
