import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSmsGateway, type SmsGateway } from '@vixenhealth/tooling/testing/sms-gateway';

import type { OutboundReply } from '../../../../../shared/contracts';
import {
  InvalidChannelPayloadError,
  ProviderRequestError,
  WebhookRefusedError,
} from '../../errors';
import {
  createSmsSender,
  EMPTY_TWIML,
  twilioSignature,
  twilioWebhookToInbound,
  verifyTwilioSignature,
  TWILIO_SIGNATURE_HEADER,
} from '..';

let gateway: SmsGateway;
beforeAll(async () => {
  gateway = await startSmsGateway();
});
afterAll(() => gateway.stop());

// The inbound SMS webhook's form fields as Twilio sends them.
const inboundSms = (accountSid: string) => ({
  ToCountry: 'RU',
  ToState: '',
  SmsMessageSid: 'SM8a1f2b3c4d5e6f708192a3b4c5d6e7f8',
  NumMedia: '1',
  ToCity: '',
  FromZip: '',
  SmsSid: 'SM8a1f2b3c4d5e6f708192a3b4c5d6e7f8',
  FromState: '',
  SmsStatus: 'received',
  FromCity: '',
  Body: 'Перенесите, пожалуйста, приём на пятницу',
  FromCountry: 'RU',
  To: '+79001112233',
  MessagingServiceSid: '',
  ToZip: '',
  NumSegments: '1',
  MessageSid: 'SM8a1f2b3c4d5e6f708192a3b4c5d6e7f8',
  AccountSid: accountSid,
  From: '+79161234567',
  ApiVersion: '2010-04-01',
  MediaContentType0: 'image/jpeg',
  MediaUrl0: `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Messages/SM8a/Media/ME1`,
});

describe('Twilio signature', () => {
  it("matches Twilio's documented example", () => {
    // twilio-node's request validation example: token 12345.
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+14158675309',
      Digits: '1234',
      From: '+14158675309',
      To: '+18005551212',
    };
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    expect(twilioSignature(url, params, '12345')).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(() =>
      verifyTwilioSignature(url, params, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', '12345')
    ).not.toThrow();
    expect(() =>
      verifyTwilioSignature(
        url,
        { ...params, Digits: '9999' },
        'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
        '12345'
      )
    ).toThrow(WebhookRefusedError);
  });
});

describe('the inbound SMS webhook', () => {
  let server: Server;
  let webhookUrl: string;
  const taken: unknown[] = [];

  // A webhook put together from the channel's functions, as the controller does.
  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
      try {
        const signature = request.headers[TWILIO_SIGNATURE_HEADER];
        verifyTwilioSignature(
          webhookUrl,
          params,
          typeof signature === 'string' ? signature : undefined,
          gateway.authToken
        );
        taken.push(twilioWebhookToInbound(params));
        response.writeHead(200, { 'content-type': 'text/xml' }).end(EMPTY_TWIML);
      } catch (error) {
        const status = error instanceof WebhookRefusedError ? 403 : 400;
        response.writeHead(status).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/support/sms?via=twilio`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('takes a signed SMS in, and refuses one signed with another token', async () => {
    const params = inboundSms(gateway.accountSid);
    const answer = await gateway.deliverInbound(webhookUrl, params);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect(taken).toEqual([
      {
        channel: 'sms',
        externalId: 'sms:SM8a1f2b3c4d5e6f708192a3b4c5d6e7f8',
        from: { phone: '+79161234567' },
        text: `Перенесите, пожалуйста, приём на пятницу\n\n[image/jpeg: ${params.MediaUrl0}]`,
        receivedAt: expect.any(Date),
        attachments: [],
      },
    ]);

    const forged = await fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(webhookUrl, params, 'not-our-token'),
      },
      body: new URLSearchParams(params),
    });
    expect(forged.status).toBe(403);
    const unsigned = await fetch(webhookUrl, { method: 'POST', body: new URLSearchParams(params) });
    expect(unsigned.status).toBe(403);
    expect(taken).toHaveLength(1);
  });

  it('refuses a form without MessageSid or From', () => {
    const { MessageSid: _sid, ...noSid } = inboundSms(gateway.accountSid);
    expect(() => twilioWebhookToInbound(noSid)).toThrow(InvalidChannelPayloadError);
    const { From: _from, ...noFrom } = inboundSms(gateway.accountSid);
    expect(() => twilioWebhookToInbound(noFrom)).toThrow(/From is missing/);
  });
});

describe('createSmsSender', () => {
  const reply = (text: string): OutboundReply => ({
    ticketNumber: 'VH-10234',
    subject: 'Re: приём',
    text,
    to: { phone: '+79161234567' },
    attachments: [],
    thread: { messageId: '<r@support.vixenhealth.ru>', references: [] },
  });
  const config = () => ({
    apiBaseUrl: gateway.apiBaseUrl,
    accountSid: gateway.accountSid,
    authToken: gateway.authToken,
    from: '+79001112233',
  });

  it('posts the reply to the Messages API, in parts of at most 1600 characters', async () => {
    const text = `${'Приём перенесён на пятницу. '.repeat(70)}`;
    const result = await createSmsSender(config()).send(reply(text));
    expect(gateway.sent.map(({ from, to }) => ({ from, to }))).toEqual([
      { from: '+79001112233', to: '+79161234567' },
      { from: '+79001112233', to: '+79161234567' },
    ]);
    expect(gateway.sent.every(({ body }) => body.length <= 1600)).toBe(true);
    expect(gateway.sent.map(({ body }) => body).join(' ')).toBe(text.trim());
    expect(result.externalId).toBe(gateway.sent[0].sid);
  });

  it('throws a retryable error on 429 and a final one on wrong credentials', async () => {
    gateway.failNext(429);
    await expect(createSmsSender(config()).send(reply('Да'))).rejects.toMatchObject({
      retryable: true,
      providerCode: 20429,
    });
    const wrong = createSmsSender({ ...config(), authToken: 'wrong' });
    const error = await wrong.send(reply('Да')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderRequestError);
    expect(error).toMatchObject({ retryable: false, providerCode: 20003 });
  });
});
