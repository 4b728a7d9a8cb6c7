import http from 'node:http';

/** Statuses whose Response may have no body. */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * One request, answered as a fetch `Response`, through node:http: fetch does not send a Host
 * header of the caller's choosing, and a case may name its target by Host (a clinic's site).
 * @param {URL} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string, signal?: AbortSignal }} init
 * @returns {Promise<Response>}
 */
export const requestOnce = (url, { method = 'GET', headers = {}, body, signal }) =>
  new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, signal }, (response) => {
      /** @type {Buffer[]} */
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          for (const item of [value ?? []].flat()) answerHeaders.append(name, item);
        }
        const answer = NULL_BODY.has(status) ? null : Buffer.concat(chunks);
        resolve(new Response(answer, { status, headers: answerHeaders }));
      });
    });
    request.on('error', reject).end(body);
  });
