import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { DocPageResponse, DocPagesResponse, DocSearchResponse } from '../../../docs/contracts';
import { listDocPages, readDocPage, searchDocPages } from '../../../docs/doc-pages';
import { readerOf } from '../../../docs/reader';
import { validateSearchDocsInput } from '../../../docs/validation/search';

/**
 * The docs site's API: what the reader (anonymous, or the bearer of an ID access token) may
 * read of the published doc pages. Never the generic `find`, which knows no audience.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const body: DocPagesResponse = {
      data: await listDocPages(strapi, await readerOf(strapi, ctx)),
    };
    ctx.body = body;
  },
  async findOne(ctx: Context) {
    const reader = await readerOf(strapi, ctx);
    const body: DocPageResponse = {
      data: await readDocPage(strapi, String(ctx.params.slug ?? ''), reader),
    };
    ctx.body = body;
  },
  async search(ctx: Context) {
    const q = validateSearchDocsInput(ctx.query);
    const body: DocSearchResponse = {
      data: await searchDocPages(strapi, q, await readerOf(strapi, ctx)),
    };
    ctx.body = body;
  },
});
