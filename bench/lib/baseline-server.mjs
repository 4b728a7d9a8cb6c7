// The baseline's server, run in a child of its own by baseline.mjs.
import http from 'node:http';

import { reportToParent } from './child.mjs';

await reportToParent(async () => {
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('hello world\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { port };
});
