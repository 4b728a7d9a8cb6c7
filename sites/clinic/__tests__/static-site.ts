// Helpers of the export tests: a static site as any plain file server would serve it, and the
// exporter's command run as the CMS runs it.
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
  '.js': 'text/javascript',
};

const isFile = (file: string) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;

/** The file a plain static server answers `urlPath` with: the file, or the folder's index.html. */
export const fileFor = (dir: string, urlPath: string): string | null => {
  const file = path.join(dir, decodeURIComponent(urlPath));
  if (!file.startsWith(dir)) return null;
  return [file, path.join(file, 'index.html')].find(isFile) ?? null;
};

/** Serves `dir` on a free loopback port as nginx would: 404.html, with 404, for anything else. */
export const serveFolder = async (dir: string) => {
  const server = createServer((request, response) => {
    const found = fileFor(dir, new URL(request.url ?? '/', 'http://x').pathname);
    const file = found ?? path.join(dir, '404.html');
    response.writeHead(found ? 200 : 404, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const CLI = path.resolve(import.meta.dirname, '../server/export-clinic.mjs');

/** Runs `node export-clinic.mjs ...args`, as the CMS does for a deploy. */
export const runExportCli = (args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], (_error, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr })
    );
  });
