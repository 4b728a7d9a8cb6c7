import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { IntegrationKind } from '../../../shared/contracts';
import type { TelephonyConfig } from '../config';
import { badSignature, fieldError, notFound } from '../errors';
import { integrations } from '../integrations/integrations';
import { mangoNotice } from '../providers/mango/mango-events';
import { mangoSign } from '../providers/mango/mango-sign';
import { safeEqual } from '../providers/safe-equal';
import { readNotice, takeNotice } from '../providers/take-notice';
import { zadarmaNotice, zadarmaSignedString } from '../providers/zadarma/zadarma-events';
import { zadarmaSignature } from '../providers/zadarma/zadarma-sign';

/** Mango's `json` field is a few hundred bytes; anything far larger is not Mango. */
const MAX_JSON = 64 * 1024;
/** What Zadarma's URL check sends to be echoed: a short token. */
const ECHO = /^[A-Za-z0-9_.~:+=-]{1,200}$/;

type Form = Record<string, unknown>;

const formOf = (ctx: Context): Form => {
  const body = (ctx.request as { body?: unknown }).body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Form) : {};
};

const stringOf = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The providers' webhooks, at `/api/telephony/<provider>/<integration token>`: an unknown token
 * is 404, a bad signature 401, and neither stores anything. A notification is checked before
 * it is read.
 */
const providers = ({ strapi }: { strapi: Core.Strapi }) => {
  const integrationOf = async (ctx: Context, kind: IntegrationKind) => {
    const row = await integrations(strapi).findByToken(stringOf(ctx.params.token));
    if (!row || row.kind !== kind) throw notFound('Integration');
    return { row, secrets: integrations(strapi).secretsOf(row) };
  };

  const mango = async (ctx: Context, event: string) => {
    const { row, secrets } = await integrationOf(ctx, 'mango');
    const form = formOf(ctx);
    const [key, sign, json] = ['vpbx_api_key', 'sign', 'json'].map((name) => stringOf(form[name]));
    if (!secrets.apiKey || !secrets.apiSecret) {
      throw badSignature('This integration has no Mango Office API key and salt to check with');
    }
    // Checked before hashing: nothing large is worked on before it is known to be Mango's.
    if (json.length > MAX_JSON) throw fieldError('json', `at most ${MAX_JSON} characters`);
    const signed =
      !!sign &&
      safeEqual(key, secrets.apiKey) &&
      safeEqual(sign.toLowerCase(), mangoSign(key, json, secrets.apiSecret));
    if (!signed) throw badSignature('vpbx_api_key or sign does not match');
    await takeNotice(
      strapi,
      row,
      readNotice(() => mangoNotice(event, json))
    );
    ctx.status = 200;
    ctx.body = {};
  };

  return {
    /** Mango Office: `POST …/mango/<token>/events/<event>`, form `vpbx_api_key`, `sign`, `json`. */
    mango: (ctx: Context) => mango(ctx, stringOf(ctx.params.event)),
    mangoRecordAdded: (ctx: Context) => mango(ctx, 'record/added'),

    /** Zadarma checks a notification URL by asking it to echo `zd_echo`. */
    async zadarmaEcho(ctx: Context) {
      await integrationOf(ctx, 'zadarma');
      const echo = stringOf(ctx.query.zd_echo);
      if (!ECHO.test(echo)) throw fieldError('zd_echo', 'must be a short token');
      ctx.type = 'text/plain';
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.body = echo;
    },

    /** Zadarma: form POSTs, field `event`, header `Signature` over the event's own fields. */
    async zadarma(ctx: Context) {
      const { row, secrets } = await integrationOf(ctx, 'zadarma');
      const form = formOf(ctx);
      if (!secrets.apiSecret) {
        throw badSignature('This integration has no Zadarma API secret to check with');
      }
      const signedString = zadarmaSignedString(form);
      const signature = stringOf(ctx.get('signature'));
      if (signedString !== null) {
        if (
          !signature ||
          !safeEqual(signature, zadarmaSignature(signedString, secrets.apiSecret))
        ) {
          throw badSignature('Signature does not match');
        }
        const config = strapi.config.get('plugin::telephony') as TelephonyConfig;
        await takeNotice(
          strapi,
          row,
          readNotice(() => zadarmaNotice(form, new Date(), config.zadarmaTimeZone))
        );
      }
      // Other notifications (IVR, SMS…) are not signed by fields we know: taken as nothing.
      ctx.status = 200;
      ctx.body = {};
    },
  };
};

export default providers;
