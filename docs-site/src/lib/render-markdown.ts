import { createMarkdownProcessor, type MarkdownProcessor } from '@astrojs/markdown-remark';

import { pageMarkdownRules } from '../markdown/page-markdown-rules.mjs';

let processor: Promise<MarkdownProcessor> | null = null;

/**
 * Markdown to HTML for pages rendered on request (the CMS's private pages), with the rules the
 * build applies to every page (`page-markdown-rules.mjs`).
 */
export const renderMarkdown = async (markdown: string) => {
  processor ??= createMarkdownProcessor({ remarkPlugins: [pageMarkdownRules] });
  const { code, metadata } = await (await processor).render(markdown);
  return { html: code, headings: metadata.headings };
};
