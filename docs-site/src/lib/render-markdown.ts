import { createMarkdownProcessor, type MarkdownProcessor } from '@astrojs/markdown-remark';

import { rawHtmlAsText } from '../markdown/raw-html-as-text.mjs';

let processor: Promise<MarkdownProcessor> | null = null;

/**
 * Markdown to HTML for pages rendered on request (the CMS's private pages), with the rule the
 * build applies to every page: raw HTML is shown as text.
 */
export const renderMarkdown = async (markdown: string) => {
  processor ??= createMarkdownProcessor({ remarkPlugins: [rawHtmlAsText] });
  const { code, metadata } = await (await processor).render(markdown);
  return { html: code, headings: metadata.headings };
};
