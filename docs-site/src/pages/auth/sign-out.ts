import { docsAuth } from '../../lib/sign-in';

export const prerender = false;

/** Signs out of the docs, then of VixenHealth ID; a POST from the docs' own pages only. */
export const POST = docsAuth.routes.signOut;
