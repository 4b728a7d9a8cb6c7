import { request, type IncomingHttpHeaders } from 'node:http';

export interface HostRequest {
  /** The Host header, exactly as sent. */
  host: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
}

/**
 * A request over loopback with any Host header: Node, unlike browsers, does not resolve
 * `*.localhost` by itself, and fetch does not let the Host be chosen.
 */
export const requestByHost = (
  port: number,
  { host, path, method = 'GET', headers = {} }: HostRequest
) =>
  new Promise<{ status: number; headers: IncomingHttpHeaders; text: string }>((resolve, reject) => {
    request(
      { host: '127.0.0.1', port, path, method, headers: { ...headers, host } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text })
        );
      }
    )
      .on('error', reject)
      .end();
  });

/** GET over loopback with a site's Host header, `<host>:<port>` as a browser sends it. */
export const getByHost = (port: number, host: string, path: string) =>
  requestByHost(port, { host: `${host}:${port}`, path });
