import { mayRead, type DocPageSummary } from '@vixenhealth/cms/docs';
import { getCollection, render, type CollectionEntry } from 'astro:content';

import type { NavPage } from '../navigation/nav-page';
import { listPages, readPage, searchPages } from './cms-docs';
import { pageMarkdown } from './page-markdown';
import type { Reader } from './reader';
import { renderMarkdown } from './render-markdown';

export const PRIVATE_BASE = '/private';

export const privateHref = (slug: string) => `${PRIVATE_BASE}/${slug}/`;

/** A private page ready to show: its HTML, title and headings for the table of contents. */
export interface ShownPage {
  title: string;
  description: string | undefined;
  html: string;
  headings: { depth: number; slug: string; text: string }[];
}

/** The reader's rule applied to a page of the repo. */
const readableEntries = async (reader: Reader) =>
  (await getCollection('private')).filter((entry) => mayRead(entry.data, reader));

const fromRepo = async (entry: CollectionEntry<'private'>): Promise<ShownPage> => {
  const { headings } = await render(entry);
  return {
    title: entry.data.title,
    description: entry.data.description,
    html: entry.rendered?.html ?? '',
    headings,
  };
};

/**
 * The private page at `slug` if `reader` may see it, from the repo or else the CMS (which applies
 * the rule itself); a public page of the CMS answers its public address instead; null otherwise,
 * the same whether the page is missing or hidden.
 */
export const findPrivatePage = async (
  slug: string,
  reader: Reader | null
): Promise<ShownPage | { publicHref: string } | null> => {
  if (!reader) return null;
  // Not getEntry: it logs every miss, and most slugs asked for here are the CMS's.
  const entry = (await getCollection('private')).find((candidate) => candidate.id === slug);
  if (entry) return mayRead(entry.data, reader) ? fromRepo(entry) : null;
  const page = await readPage(slug, reader.accessToken);
  if (!page) return null;
  if (page.audience === 'public') return { publicHref: `/${page.slug}/` };
  const { html, headings } = await renderMarkdown(pageMarkdown(page));
  return { title: page.title, description: page.description || undefined, html, headings };
};

/** What a reader may see besides the public pages: read once per request. */
export interface ReaderPages {
  /** The repo's private pages they may read. */
  repo: CollectionEntry<'private'>[];
  /** Every CMS page they may read, public ones included (the CMS applies the rule). */
  cms: DocPageSummary[];
}

export const readerPages = async (reader: Reader | null): Promise<ReaderPages> =>
  reader
    ? { repo: await readableEntries(reader), cms: await listPages(reader.accessToken) }
    : { repo: [], cms: [] };

/** Every private page of `pages`, for the navigation and the private index. */
export const privateNavigation = ({ repo, cms }: ReaderPages): NavPage[] => [
  ...repo.map((entry) => ({
    label: entry.data.title,
    href: privateHref(entry.id),
    section: entry.data.section,
    order: entry.data.order,
  })),
  ...cms
    .filter((page) => page.audience !== 'public')
    .map((page) => ({
      label: page.title,
      href: privateHref(page.slug),
      section: page.section,
      order: page.order,
    })),
];

/** A hit of the private search. */
export interface PrivateHit {
  title: string;
  href: string;
  section: string;
  excerpt: string;
}

const EXCERPT = 160;

const excerptAround = (text: string, word: string) => {
  const at = Math.max(0, text.toLowerCase().indexOf(word) - EXCERPT / 4);
  return text
    .slice(at, at + EXCERPT)
    .replace(/\s+/g, ' ')
    .trim();
};

/**
 * Pages matching every word of `query` that `reader` may see (`pages`): the repo's private pages
 * searched here, the CMS's pages by the CMS.
 */
export const searchPrivate = async (
  query: string,
  reader: Reader,
  pages: ReaderPages
): Promise<PrivateHit[]> => {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const repo = pages.repo
    .filter((entry) => {
      const text = `${entry.data.title} ${entry.data.description ?? ''} ${entry.body ?? ''}`;
      return words.every((word) => text.toLowerCase().includes(word));
    })
    .map((entry) => ({
      title: entry.data.title,
      href: privateHref(entry.id),
      section: entry.data.section,
      excerpt: excerptAround(entry.body ?? '', words[0] ?? ''),
    }));
  // The CMS answers every page the reader may read: public ones link to their public address.
  const isPublic = new Set(
    pages.cms.filter((page) => page.audience === 'public').map((page) => page.slug)
  );
  const cms = (await searchPages(query, reader.accessToken)).map((hit) => ({
    title: hit.title,
    href: isPublic.has(hit.slug) ? `/${hit.slug}/` : privateHref(hit.slug),
    section: hit.section,
    excerpt: hit.excerpt,
  }));
  return [...repo, ...cms];
};
