import { CmsApiError, cmsFromEnv, cmsTimeout } from '@vixenhealth/api-client';
import type { DocPage, DocPageSummary, DocSearchHit } from '@vixenhealth/cms/docs';

/**
 * The CMS's doc pages as a reader may see them: `token` is the reader's ID access token, or null
 * for an anonymous reader (public pages only). The CMS applies the audience rule itself.
 */
export const listPages = async (token: string | null): Promise<DocPageSummary[]> => {
  const answer = (await cmsFromEnv().get('/docs/pages', {
    token: token ?? undefined,
    signal: cmsTimeout(),
  })) as { data: DocPageSummary[] };
  return answer.data;
};

/** One page with its Markdown, or null when it does not exist or the reader may not see it. */
export const readPage = async (slug: string, token: string | null): Promise<DocPage | null> => {
  try {
    const answer = (await cmsFromEnv().get('/docs/pages/{slug}', {
      path: { slug },
      token: token ?? undefined,
      signal: cmsTimeout(),
    })) as { data: DocPage };
    return answer.data;
  } catch (error) {
    if (error instanceof CmsApiError && error.status === 404) return null;
    throw error;
  }
};

/** The pages matching `query` that the reader may see. */
export const searchPages = async (query: string, token: string | null) => {
  const answer = (await cmsFromEnv().get('/docs/search', {
    query: { q: query },
    token: token ?? undefined,
    signal: cmsTimeout(),
  })) as { data: DocSearchHit[] };
  return answer.data;
};
