import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message the gateway was asked to send. */
export interface SentSms {
  sid: string;
  from: string;
  to: string;
  body: string;
}

export interface SmsGateway {
  /** What `apiBaseUrl` is set to (like `https://api.twilio.com`). */
  apiBaseUrl: string;
  accountSid: string;
  authToken: string;
  sent: SentSms[];
  /** The next Messages call is refused with this HTTP status (429, 500, 400…). */
  failNext(status: number): void;
  /** Twilio's X-Twilio-Signature for a webhook call to `url` with these form fields. */
  sign(url: string, params: Record<string, string>): string;
  /** POSTs an inbound SMS to a webhook as Twilio does: urlencoded form, signed. */
  deliverInbound(webhookUrl: string, params: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

const sid = (prefix: string) => prefix + randomBytes(16).toString('hex');

const twilioError = (response: ServerResponse, status: number, code: number, message: string) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      code,
      message,
      more_info: `https://www.twilio.com/docs/errors/${code}`,
      status,
    })
  );
};

const readForm = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString());
};

/**
 * An SMS gateway on 127.0.0.1 speaking Twilio's Messages API (`POST /2010-04-01/Accounts/<sid>/
 * Messages.json`, Basic auth, form From/To/Body, Twilio's JSON resource and error shapes), and
 * signing inbound webhooks like Twilio (HMAC-SHA1 of URL + sorted fields, base64).
 */
export const startSmsGateway = async (): Promise<SmsGateway> => {
  const accountSid = sid('AC');
  const authToken = randomBytes(16).toString('hex');
  const sent: SentSms[] = [];
  const failures: number[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (request.method !== 'POST' || path !== `/2010-04-01/Accounts/${accountSid}/Messages.json`) {
      twilioError(response, 404, 20404, 'The requested resource was not found');
      return;
    }
    if (request.headers.authorization !== expectedAuth) {
      twilioError(response, 401, 20003, 'Authenticate');
      return;
    }
    const form = await readForm(request);
    const failure = failures.shift();
    if (failure === 429) return twilioError(response, 429, 20429, 'Too Many Requests');
    if (failure) return twilioError(response, failure, 20500, 'Internal Server Error');
    const [from, to, body] = ['From', 'To', 'Body'].map((name) => form.get(name) ?? '');
    if (!to) return twilioError(response, 400, 21604, "A 'To' phone number is required.");
    if (!from) return twilioError(response, 400, 21603, "A 'From' phone number is required.");
    if (!body) return twilioError(response, 400, 21602, 'Message body is required.');
    if (body.length > 1600) {
      return twilioError(
        response,
        400,
        21617,
        'The concatenated message body exceeds the 1600 character limit.'
      );
    }
    const message = { sid: sid('SM'), from, to, body };
    sent.push(message);
    const now = new Date().toUTCString().replace('GMT', '+0000');
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        account_sid: accountSid,
        api_version: '2010-04-01',
        body,
        date_created: now,
        date_sent: null,
        date_updated: now,
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from,
        messaging_service_sid: null,
        num_media: '0',
        num_segments: String(Math.ceil(body.length / 153)),
        price: null,
        price_unit: 'USD',
        sid: message.sid,
        status: 'queued',
        subresource_uris: {
          media: `/2010-04-01/Accounts/${accountSid}/Messages/${message.sid}/Media.json`,
        },
        to,
        uri: `/2010-04-01/Accounts/${accountSid}/Messages/${message.sid}.json`,
      })
    );
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() =>
      twilioError(response, 500, 20500, 'Internal Server Error')
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const sign = (url: string, params: Record<string, string>) =>
    createHmac('sha1', authToken)
      .update(
        url +
          Object.keys(params)
            .sort()
            .map((name) => name + params[name])
            .join('')
      )
      .digest('base64');

  return {
    apiBaseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    sent,
    failNext(status) {
      failures.push(status);
    },
    sign,
    deliverInbound: (webhookUrl, params) =>
      fetch(webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': sign(webhookUrl, params),
        },
        body: new URLSearchParams(params),
      }),
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
