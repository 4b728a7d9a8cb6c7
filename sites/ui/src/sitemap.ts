/** Text fit for XML: markup characters as numeric character references. */
const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * A sitemap (sitemaps.org) of `paths`, each made absolute under `origin`.
 *
 * @example
 * ```ts
 * sitemapXml(['/', '/doctors'], 'https://clinic.ru');
 * // <urlset …>, one `<url><loc>https://clinic.ru/doctors</loc></url>` a line
 * ```
 */
export const sitemapXml = (paths: string[], origin: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((path) => `  <url><loc>${escapeXml(new URL(path, origin).href)}</loc></url>`).join('\n')}
</urlset>
`;
