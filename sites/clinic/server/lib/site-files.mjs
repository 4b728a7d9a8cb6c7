import { cp, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { CLIENT_DIR } from './astro-handler.mjs';
import { ClinicExportError } from './export-error.mjs';

/**
 * The file a static server answers a path of the site from: `/` → `index.html`, `/doctors` →
 * `doctors/index.html`, a name with an extension (`/sitemap.xml`) as it is.
 * @param {string} urlPath
 */
export const fileOf = (urlPath) => {
  const segments = urlPath.split('/').filter(Boolean).map(decodeURIComponent);
  // Paths come from the sitemap: whatever it says, nothing is written outside the folder.
  if (segments.some((segment) => /^\.\.?$|[/\\]/.test(segment))) {
    throw new ClinicExportError('ERR_PAGE_FAILED', `${urlPath} cannot be a file of the site`);
  }
  const last = segments.at(-1) ?? '';
  return path.join(...segments, ...(last.includes('.') ? [] : ['index.html']));
};

/**
 * Throws unless `outDir` is missing or empty: an export never mixes with older files.
 * @param {string} outDir
 */
export const checkOutDir = async (outDir) => {
  const entries = await readdir(outDir).catch((/** @type {NodeJS.ErrnoException} */ error) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.length > 0) {
    throw new ClinicExportError('ERR_OUT_DIR_NOT_EMPTY', `${outDir} is not empty`);
  }
};

/** @type {Promise<number> | undefined} */
let assetBytes;

/** The size of the build's client files, counted once: they do not change under a process. */
const clientBytes = () =>
  (assetBytes ??= readdir(CLIENT_DIR, { recursive: true, withFileTypes: true }).then(
    async (entries) => {
      const files = entries.filter((entry) => entry.isFile());
      const sizes = await Promise.all(
        files.map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).size)
      );
      return sizes.reduce((sum, size) => sum + size, 0);
    },
    () => 0
  ));

/**
 * Writes the rendered pages and the build's client files into `outDir`; answers the bytes
 * written.
 * @param {string} outDir
 * @param {{ file: string, body: Buffer }[]} pages
 */
export const writeSite = async (outDir, pages) => {
  await mkdir(outDir, { recursive: true });
  await cp(CLIENT_DIR, outDir, { recursive: true }).catch(
    (/** @type {NodeJS.ErrnoException} */ error) => {
      // A build without client files (no public/, no script, styles inlined) is fine.
      if (error.code !== 'ENOENT') throw error;
    }
  );
  for (const { file, body } of pages) {
    const target = path.join(outDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, body);
  }
  return pages.reduce((sum, page) => sum + page.body.length, await clientBytes());
};
