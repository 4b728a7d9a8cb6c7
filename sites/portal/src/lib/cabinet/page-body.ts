import type { PageBlock } from '@vixenhealth/cms/contracts';

/** The block the cabinet's text field edits (`cms/src/components/blocks/rich-text.json`). */
const RICH_TEXT = 'blocks.rich-text';

/** The text of a page's first rich-text block, which the form edits. */
export const pageText = (body: PageBlock[] | null | undefined) => {
  const block = (body ?? []).find((entry) => entry.__component === RICH_TEXT);
  return typeof block?.body === 'string' ? block.body : '';
};

/**
 * A block as read, as the CMS takes it back: the components' own ids dropped (they are
 * written anew), photos by their id and related documents (doctors) by their documentId, as the
 * cabinet's writes name them.
 */
const forWrite = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(forWrite);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.url === 'string' && typeof record.id === 'number') return record.id;
  if (typeof record.documentId === 'string') return record.documentId;
  return Object.fromEntries(
    Object.entries(record)
      .filter(([key]) => key !== 'id')
      .map(([key, entry]) => [key, forWrite(entry)])
  );
};

/**
 * The page's body with `text` as its rich-text block: the first one is replaced (or removed,
 * when the text is empty), or one is added at the end; other blocks stay as they are.
 *
 * @example
 * ```ts
 * pageBody(page.body, 'Мы открыты с 8 до 20.');
 * // → [{ __component: 'blocks.rich-text', body: 'Мы открыты с 8 до 20.' }, …other blocks]
 * ```
 */
export const pageBody = (body: PageBlock[] | null | undefined, text: string): PageBlock[] => {
  const blocks = (body ?? []).map((block) => forWrite(block) as PageBlock);
  const at = blocks.findIndex((block) => block.__component === RICH_TEXT);
  const edited = { __component: RICH_TEXT, body: text };
  if (text.trim() === '') return blocks.filter((_block, index) => index !== at);
  if (at === -1) return [...blocks, edited];
  return blocks.map((block, index) => (index === at ? edited : block));
};
