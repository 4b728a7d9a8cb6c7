import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A command our code sent to the VPBX API, its `json` parsed. */
export interface MangoCommand {
  path: string;
  json: Record<string, unknown>;
}

export interface MangoOffice {
  /** What `mangoApiUrl` is set to (like `https://app.mango-office.ru/vpbx`). */
  apiUrl: string;
  /** The account's `vpbx_api_key` and `vpbx_api_salt`. */
  apiKey: string;
  salt: string;
  /** Commands and queries received with a correct key and sign. */
  commands: MangoCommand[];
  /** Keeps a recording the API hands out by `recording_id`. */
  addRecording(recordingId: string, audio: Buffer, contentType?: string): void;
  /**
   * POSTs a notification like the VPBX: `<base>/events/<event>`, form `vpbx_api_key`, `sign`,
   * `json`; `sign` may be overridden to send a forged one.
   */
  notify(base: string, event: string, json: unknown, sign?: string): Promise<Response>;
  stop(): Promise<void>;
}

const readForm = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString());
};

const answer = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

/**
 * Mango Office's VPBX API on 127.0.0.1: it signs notifications as the VPBX does (hex SHA-256 of
 * key + json + salt) and answers `commands/callback` (result 1000) and `queries/recording/post`
 * (a redirect to the file), refusing an unknown key or a bad sign with Mango's result 3102.
 */
export const startMangoOffice = async (): Promise<MangoOffice> => {
  const apiKey = randomBytes(16).toString('hex');
  const salt = randomBytes(16).toString('hex');
  const commands: MangoCommand[] = [];
  const recordings = new Map<string, { audio: Buffer; contentType: string }>();
  const files = new Map<string, { audio: Buffer; contentType: string }>();
  const sign = (json: string) =>
    createHash('sha256')
      .update(apiKey + json + salt)
      .digest('hex');

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = files.get(path);
    if (request.method === 'GET' && file) {
      response.writeHead(200, {
        'content-type': file.contentType,
        'content-length': String(file.audio.length),
      });
      response.end(file.audio);
      return;
    }
    if (request.method !== 'POST') return answer(response, 404, { result: 4001 });
    const form = await readForm(request);
    const json = form.get('json') ?? '';
    if (form.get('vpbx_api_key') !== apiKey || form.get('sign') !== sign(json)) {
      return answer(response, 401, { result: 3102 });
    }
    const command = { path, json: JSON.parse(json) as Record<string, unknown> };
    commands.push(command);
    if (path === '/vpbx/commands/callback') return answer(response, 200, { result: 1000 });
    if (path === '/vpbx/queries/recording/post') {
      const recording = recordings.get(String(command.json.recording_id));
      if (!recording) return answer(response, 404, { result: 3301 });
      const location = `/files/${randomUUID()}.mp3`;
      files.set(location, recording);
      response.writeHead(302, { location });
      response.end();
      return;
    }
    answer(response, 404, { result: 4001 });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => answer(response, 500, { result: 5000 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/vpbx`,
    apiKey,
    salt,
    commands,
    addRecording(recordingId, audio, contentType = 'audio/mpeg') {
      recordings.set(recordingId, { audio, contentType });
    },
    notify(base, event, json, forged) {
      const text = JSON.stringify(json);
      return fetch(`${base}/events/${event}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ vpbx_api_key: apiKey, sign: forged ?? sign(text), json: text }),
      });
    },
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
