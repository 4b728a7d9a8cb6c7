import { z } from '@strapi/utils';

import {
  DOC_AUDIENCES,
  type DocPageResponse,
  type DocPagesResponse,
  type DocSearchResponse,
} from './contracts';

// The docs API's answers as its routes declare them, for the OpenAPI description the docs site
// and the API client read (docs-site/openapi/cms.json). Checked against the contracts' types.

const summary = {
  slug: z.string(),
  title: z.string(),
  section: z.string(),
  order: z.number().int(),
  description: z.string().nullable(),
  audience: z.enum(DOC_AUDIENCES),
  updatedAt: z.string(),
};

export const docPagesResponse = z.object({
  data: z.array(z.object(summary)),
}) satisfies z.ZodType<DocPagesResponse>;

export const docPageResponse = z.object({
  data: z.object({
    ...summary,
    body: z.string(),
    attachments: z.array(
      z.object({ name: z.string(), url: z.string(), mime: z.string(), size: z.number().int() })
    ),
  }),
}) satisfies z.ZodType<DocPageResponse>;

export const docSearchResponse = z.object({
  data: z.array(
    z.object({ slug: z.string(), title: z.string(), section: z.string(), excerpt: z.string() })
  ),
}) satisfies z.ZodType<DocSearchResponse>;
