import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A call our code made to the API: its method (path) and parameters. */
export interface ZadarmaRequest {
  method: string;
  params: Record<string, string>;
}

export interface Zadarma {
  /** What `zadarmaApiUrl` is set to (like `https://api.zadarma.com`). */
  apiUrl: string;
  key: string;
  secret: string;
  /** API calls received with a correct `Authorization`. */
  requests: ZadarmaRequest[];
  /** Keeps a recording `/v1/pbx/record/request/` links to, by `call_id_with_rec`. */
  addRecording(callIdWithRec: string, audio: Buffer, contentType?: string): void;
  /** The `Signature` Zadarma sends with these notification fields. */
  signatureOf(fields: Record<string, string>): string;
  /** POSTs a PBX notification like Zadarma, with its `Signature` (or a forged one). */
  notify(url: string, fields: Record<string, string>, signature?: string): Promise<Response>;
  stop(): Promise<void>;
}

/** The fields each notification's signature is over, from Zadarma's documentation. */
const SIGNED: Record<string, string[]> = {
  NOTIFY_START: ['caller_id', 'called_did', 'call_start'],
  NOTIFY_INTERNAL: ['caller_id', 'called_did', 'call_start'],
  NOTIFY_ANSWER: ['caller_id', 'destination', 'call_start'],
  NOTIFY_END: ['caller_id', 'called_did', 'call_start'],
  NOTIFY_OUT_START: ['internal', 'destination', 'call_start'],
  NOTIFY_OUT_END: ['internal', 'destination', 'call_start'],
  NOTIFY_RECORD: ['pbx_call_id', 'call_id_with_rec'],
};

const answer = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

/**
 * Zadarma on 127.0.0.1: it signs PBX notifications as Zadarma does (base64 of the hex
 * HMAC-SHA1, PHP's `base64_encode(hash_hmac('sha1', …))`) and answers `/v1/request/callback/`
 * and `/v1/pbx/record/request/`, checking `Authorization: <key>:<signature of method + sorted
 * query + md5(query)>` like its API.
 */
export const startZadarma = async (): Promise<Zadarma> => {
  const key = randomBytes(10).toString('hex');
  const secret = randomBytes(10).toString('hex');
  const requests: ZadarmaRequest[] = [];
  const recordings = new Map<string, { audio: Buffer; contentType: string }>();
  const files = new Map<string, { audio: Buffer; contentType: string }>();
  const sign = (data: string) =>
    Buffer.from(createHmac('sha1', secret).update(data).digest('hex')).toString('base64');

  const signatureOf = (fields: Record<string, string>) =>
    sign((SIGNED[fields.event ?? ''] ?? []).map((name) => fields[name] ?? '').join(''));

  let apiUrl = '';
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const file = files.get(url.pathname);
    if (file) {
      response.writeHead(200, { 'content-type': file.contentType });
      response.end(file.audio);
      return;
    }
    const params = Object.fromEntries(url.searchParams);
    // PHP's http_build_query of the sorted parameters (RFC 1738: spaces as +).
    const query = new URLSearchParams(
      Object.keys(params)
        .sort()
        .map((name) => [name, params[name]!])
    ).toString();
    const expected = `${key}:${sign(url.pathname + query + createHash('md5').update(query).digest('hex'))}`;
    if (request.headers.authorization !== expected) {
      return answer(response, 401, { status: 'error', message: 'Not authorized' });
    }
    requests.push({ method: url.pathname, params });
    if (url.pathname === '/v1/request/callback/') {
      return answer(response, 200, {
        status: 'success',
        from: params.from,
        to: params.to,
        time: Math.floor(Date.now() / 1000),
      });
    }
    if (url.pathname === '/v1/pbx/record/request/') {
      const recording = recordings.get(params.call_id ?? '');
      if (!recording)
        return answer(response, 200, { status: 'error', message: 'Record not found' });
      const path = `/records/${randomUUID()}.mp3`;
      files.set(path, recording);
      return answer(response, 200, {
        status: 'success',
        link: `${apiUrl}${path}`,
        lifetime_till: new Date(Date.now() + 1_800_000).toISOString(),
      });
    }
    answer(response, 404, { status: 'error', message: 'Method not found' });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl,
    key,
    secret,
    requests,
    addRecording(callIdWithRec, audio, contentType = 'audio/mpeg') {
      recordings.set(callIdWithRec, { audio, contentType });
    },
    signatureOf,
    notify(url, fields, forged) {
      return fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          signature: forged ?? signatureOf(fields),
        },
        body: new URLSearchParams(fields),
      });
    },
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
