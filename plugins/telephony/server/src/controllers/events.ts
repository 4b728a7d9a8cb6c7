import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { SIGNATURE_HEADER, type SignedEventResponse } from '../../../shared/contracts';
import { fieldError } from '../errors';
import { webhookBody } from '../http/webhook-body';
import { webhookIntegration } from '../http/webhook-integration';
import { getService } from '../services/get-service';
import { parseSignedEvent } from '../signed/parse-signed-event';
import { verifySignature } from '../signed/verify-signature';

/** `POST /api/telephony/events/:token`: our signed events, each applied at most once. */
const events = ({ strapi }: { strapi: Core.Strapi }) => ({
  async receive(ctx: Context) {
    const integration = await webhookIntegration(strapi, ctx.params.token);
    const { parsed, raw } = webhookBody(ctx);
    const { secret } = getService(strapi, 'integrations').secretsOf(integration);
    verifySignature(ctx.get(SIGNATURE_HEADER) || undefined, raw, secret, Date.now());
    if (!ctx.is('application/json')) {
      throw fieldError('body', 'must be JSON (Content-Type: application/json)');
    }
    const { applied, call } = await getService(strapi, 'calls').ingest(
      integration,
      parseSignedEvent(parsed)
    );
    const body: SignedEventResponse = {
      data: { applied, call: { id: call.id, status: call.status, result: call.result } },
    };
    ctx.body = body;
  },
});

export default events;
