/**
 * The portal's origin (`PORTAL_URL`), without a trailing slash: reviews and requests to support
 * are written there, where people sign in with VixenHealth ID.
 */
export const portalUrl = () =>
  (process.env.PORTAL_URL || 'http://localhost:4321').replace(/\/$/, '');
