import { auth } from '../../lib/auth';

export const prerender = false;
export const GET = auth.routes.signIn;
