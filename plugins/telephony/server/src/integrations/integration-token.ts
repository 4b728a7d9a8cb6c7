import { createHash, randomBytes } from 'node:crypto';

/** A new integration's URL token: 32 random bytes, URL-safe. */
export const newToken = () => randomBytes(32).toString('base64url');

/**
 * Tokens are stored as their SHA-256: a database copy does not let anyone post calls. A token
 * is high-entropy, so a plain hash (no salt, no stretching) is enough and stays indexable.
 */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
