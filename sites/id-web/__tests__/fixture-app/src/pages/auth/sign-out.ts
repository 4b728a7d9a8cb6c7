import { auth } from '../../lib/auth';

export const prerender = false;
export const POST = auth.routes.signOut;
