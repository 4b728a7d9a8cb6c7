import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The tracker (`tracker/script.js` at the plugin's root, readable source served as is), read
 * once with its gzip form and an ETag. Sites include it with a stable URL, so it is cached a
 * day and revalidated, not versioned: a fix reaches every site within a day.
 */
export const loadTrackerScript = () => {
  const file = path.join(
    path.dirname(require.resolve('@vixenhealth/metrics/package.json')),
    'tracker',
    'script.js'
  );
  const source = readFileSync(file);
  return {
    source,
    gzipped: gzipSync(source, { level: 9 }),
    etag: `"${createHash('sha256').update(source).digest('base64url').slice(0, 22)}"`,
  };
};

export type TrackerScript = ReturnType<typeof loadTrackerScript>;
