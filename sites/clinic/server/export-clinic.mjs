// node sites/clinic/server/export-clinic.mjs --slug <slug> --out <dir> [--cms <url>] [--site-url <url>]
//
// One clinic's whole site as static files in <dir> (see exportClinicSite). stdout: one line per
// page, `page 3/14 /doctors/ivanov`, then `exported 14 pages, 38211 bytes in 912 ms`. Exit code 0
// on success; otherwise one line on stderr saying why, and 1 (the export failed: no such
// published clinic, the CMS down, a page failing, <dir> not empty) or 2 (wrong arguments).
import path from 'node:path';
import { parseArgs } from 'node:util';

import { closeClinicExporter, exportClinicSite } from './export-clinic-site.mjs';

try {
  const { values } = parseArgs({
    options: {
      slug: { type: 'string' },
      out: { type: 'string' },
      cms: { type: 'string' },
      'site-url': { type: 'string' },
    },
  });
  if (!values.slug || !values.out) throw new TypeError('--slug and --out are required');
  const { pages, bytes, durationMs } = await exportClinicSite({
    slug: values.slug,
    outDir: path.resolve(values.out),
    cmsUrl: values.cms,
    siteUrl: values['site-url'],
    onLog: (line) => console.log(line),
  });
  console.log(`exported ${pages} pages, ${bytes} bytes in ${durationMs} ms`);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`export-clinic: ${message.replace(/\s+/g, ' ')}`);
  // parseArgs throws TypeErrors too.
  process.exitCode = error instanceof TypeError ? 2 : 1;
} finally {
  await closeClinicExporter();
}
