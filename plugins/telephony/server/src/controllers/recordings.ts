import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { notFound } from '../errors';
import type { DeskScope } from '../outbound/desk-scope';
import { playRecording } from '../recordings/play-recording';

/** A call's recording for agents: `GET /telephony/calls/:id/recording`. */
const recordings = ({ strapi }: { strapi: Core.Strapi }) => ({
  async play(ctx: Context) {
    const id = Number(ctx.params.id);
    if (!Number.isSafeInteger(id) || id < 1) throw notFound('Call');
    await playRecording(strapi, ctx, ctx.state.supportRights as DeskScope, id);
  },
});

export default recordings;
