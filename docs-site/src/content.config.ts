import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

import { DOC_AUDIENCES } from '@vixenhealth/cms/docs';

import { withCmsPages } from './loaders/cms-pages-loader';

export const collections = {
  // Public pages: the repo's Markdown, and the CMS's public pages merged in at build time.
  docs: defineCollection({
    loader: withCmsPages(docsLoader()),
    schema: docsSchema({
      extend: z.object({
        /** The navigation group of a CMS page (a repo page's group is its folder). */
        section: z.string().optional(),
      }),
    }),
  }),
  // Private pages written with the code (runbooks): rendered on request for their audience.
  private: defineCollection({
    loader: glob({ pattern: '**/*.md', base: './src/content/private' }),
    schema: z.object({
      title: z.string().max(120),
      description: z.string().max(300).optional(),
      section: z.string().max(60),
      order: z.number().int().default(0),
      audience: z.enum(DOC_AUDIENCES).exclude(['public']),
      roles: z.array(z.string()).default([]),
      clinicDocumentId: z.string().optional(),
    }),
  }),
};
