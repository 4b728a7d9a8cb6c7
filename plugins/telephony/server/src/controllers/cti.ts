import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { CountryCode } from 'libphonenumber-js';

import type { CtiReply } from '../../../shared/contracts';
import { ctiReply } from '../cti/cti-reply';
import { parseCtiEvent } from '../cti/parse-cti-event';
import { webhookBody } from '../http/webhook-body';
import { webhookIntegration } from '../http/webhook-integration';
import { getService } from '../services/get-service';

/** `POST /api/telephony/cti/:token`: Zammad's generic CTI API, answered as Zammad answers. */
const cti = ({ strapi }: { strapi: Core.Strapi }) => ({
  async event(ctx: Context) {
    const integration = await webhookIntegration(strapi, ctx.params.token);
    const event = parseCtiEvent(webhookBody(ctx).parsed, new Date());
    await getService(strapi, 'calls').ingest(integration, event);
    const country = strapi.plugin('telephony').config('defaultCountry') as CountryCode;
    const reply: CtiReply = ctiReply(integration, event, country);
    ctx.body = reply;
  },
});

export default cti;
