import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { PlaceCallRequest } from '../../../shared/contracts';
import { TelephonyError } from '../errors';
import type { DeskScope } from '../outbound/desk-scope';
import { placeCall } from '../outbound/place-call';

/** Telephony's own failures as HTTP: the provider's are 502, a state we cannot act in 409. */
const asHttp = (ctx: Context, error: unknown): never => {
  if (error instanceof TelephonyError) {
    return ctx.throw(error.code === 'provider-failed' ? 502 : 409, error.message);
  }
  throw error;
};

/** Click-to-call for agents at the desk: `POST /telephony/calls`. */
const outbound = ({ strapi }: { strapi: Core.Strapi }) => ({
  async place(ctx: Context) {
    const scope = ctx.state.supportRights as DeskScope;
    const body = ((ctx.request as { body?: unknown }).body ?? {}) as Partial<PlaceCallRequest>;
    const placed = await placeCall(strapi, scope, body).catch((error) => asHttp(ctx, error));
    ctx.status = 202;
    ctx.body = { data: placed };
  },
});

export default outbound;
