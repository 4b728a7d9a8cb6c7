import { auth } from './lib/auth';

export const onRequest = auth.middleware;
