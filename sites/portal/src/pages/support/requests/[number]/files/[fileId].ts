import type { APIRoute } from 'astro';

import { downloadAttachment } from '../../../../../lib/support/attachment-download';

export const prerender = false;

export const GET: APIRoute = (context) => downloadAttachment(context, context.params);
