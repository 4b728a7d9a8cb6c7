import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Paths answered on request, not files: checked by the browser tests instead. */
const ON_REQUEST = /^\/(?:private|auth)(?:\/|$)/;

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });

/** Whether the static build answers `pathname` with a file. */
const served = (clientDir: string, pathname: string) => {
  const file = path.join(clientDir, decodeURIComponent(pathname)).replace(/\/+$/, '');
  return [file, `${file}.html`, path.join(file, 'index.html')].some(
    (candidate) => existsSync(candidate) && !statSync(candidate).isDirectory()
  );
};

/**
 * Every link and asset of the built pages that points into the site but at nothing it serves:
 * `page → target` pairs. Links to other origins and to pages rendered on request are left out.
 */
export const brokenLinks = (clientDir: string, origin: string): string[] => {
  const broken = new Set<string>();
  for (const file of htmlFiles(clientDir)) {
    const page = `/${path.relative(clientDir, file).replace(/index\.html$/, '')}`;
    const html = readFileSync(file, 'utf8');
    for (const [, target] of html.matchAll(/\s(?:href|src)="([^"#]*)(?:#[^"]*)?"/g)) {
      if (!target) continue;
      const url = new URL(target.replaceAll('&amp;', '&'), new URL(page, origin));
      if (url.origin !== origin || ON_REQUEST.test(url.pathname)) continue;
      if (!served(clientDir, url.pathname)) broken.add(`${page} → ${url.pathname}`);
    }
  }
  return [...broken].sort();
};
