import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Core } from '@strapi/strapi';

import { getConfig } from '../../../utils';
import type { IdRoute } from '../../route';

/** Where ID's scripts are served, below the issuer's path. */
const ASSETS = '/assets/';

export const PASSKEYS_SCRIPT = 'passkeys.js';
/** SimpleWebAuthn's browser bundle, which the passkeys script imports relatively. */
const WEBAUTHN_SCRIPT = 'webauthn-browser.js';

/**
 * The browser script is plain JavaScript in `pages/assets`, which the compiler does not copy:
 * the compiled plugin (`dist/…`) finds it from the plugin's root.
 */
const pluginRoot = () => {
  let dir = __dirname;
  while (!readFileSafe(path.join(dir, 'package.json'))?.includes('"@vixenhealth/sso"')) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('sso: the plugin root (package.json) was not found');
    dir = parent;
  }
  return dir;
};

const readFileSafe = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/**
 * The package's UMD bundle: loaded as a module it has no `exports` or `define`, so it puts
 * `SimpleWebAuthnBrowser` on `globalThis`, where the passkeys script reads it.
 */
const webauthnBundle = () =>
  path.join(
    path.dirname(require.resolve('@simplewebauthn/browser')),
    '..',
    'dist',
    'bundle',
    'index.umd.min.js'
  );

/** The absolute URL of the assets folder: what the pages' CSP allows scripts from. */
export const assetsUrl = (strapi: Core.Strapi) =>
  `${getConfig(strapi).issuer.replace(/\/$/, '')}${ASSETS}`;

/** Serves the passkeys script and the WebAuthn library, read once at start. */
export const createPasskeyAssetRoutes = (): IdRoute[] => {
  const files = new Map([
    [PASSKEYS_SCRIPT, path.join(pluginRoot(), 'server', 'src', 'pages', 'assets', PASSKEYS_SCRIPT)],
    [WEBAUTHN_SCRIPT, webauthnBundle()],
  ]);
  const contents = new Map([...files].map(([name, file]) => [name, readFileSync(file)]));
  return [...contents].map(([name, body]) => ({
    method: 'GET' as const,
    path: new RegExp(`^${ASSETS}${name.replace('.', '\\.')}$`),
    handle: async (ctx) => {
      ctx.set({
        'X-Content-Type-Options': 'nosniff',
        // Not versioned in its URL: an hour keeps a deploy's new script from waiting long.
        'Cache-Control': 'public, max-age=3600',
      });
      ctx.type = 'text/javascript; charset=utf-8';
      ctx.body = body;
    },
  }));
};
