import { cmsBaseUrl } from '@vixenhealth/api-client';
import type { DocPage } from '@vixenhealth/cms/docs';

const KB = 1024;
const sizeOf = (bytes: number) =>
  bytes < KB * KB
    ? `${Math.max(1, Math.round(bytes / KB))} КБ`
    : `${(bytes / KB / KB).toFixed(1)} МБ`;

/** Link text may not close the link or start another: `[`, `]` and `\` are escaped. */
const linkText = (text: string) => text.replace(/[[\]\\]/g, '\\$&');

/**
 * A CMS page's Markdown with its attachments listed at the end, linked where the CMS serves them.
 */
export const pageMarkdown = (page: Pick<DocPage, 'body' | 'attachments'>) => {
  if (page.attachments.length === 0) return page.body;
  const links = page.attachments.map((file) => {
    const url = new URL(file.url, `${cmsBaseUrl()}/`).href;
    return `- [${linkText(file.name)}](<${encodeURI(decodeURI(url))}>) — ${sizeOf(file.size)}`;
  });
  return `${page.body}\n\n## Вложения\n\n${links.join('\n')}\n`;
};
