import type { Locale } from '../i18n/messages';
import { html, SafeHtml } from './html';

const STYLE = `
:root { color-scheme: light; font-family: system-ui, sans-serif; }
body { margin: 0; background: #f5f1ec; color: #1f1a17; }
main { max-inline-size: 26rem; margin: 4rem auto; padding: 2rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 4px #0002; }
h1 { font-size: 1.5rem; margin-block: 0 0.5rem; }
label { display: block; margin-block: 1rem 0.25rem; font-weight: 600; }
input { box-sizing: border-box; inline-size: 100%; padding: 0.6rem; font-size: 1rem; border: 1px solid #8a7f78; border-radius: 6px; }
input:focus, button:focus { outline: 3px solid #c2410c; outline-offset: 2px; }
button { margin-block-start: 1.25rem; padding: 0.6rem 1.2rem; font-size: 1rem; border-radius: 6px; border: 0; background: #b23c07; color: #fff; cursor: pointer; }
button.secondary { background: transparent; color: #1f1a17; border: 1px solid #8a7f78; }
.error { padding: 0.75rem; border-radius: 6px; background: #fde8e8; color: #8a1c1c; }
.lead { color: #4a413c; }
`;

/**
 * The page every ID screen shares: server-rendered, no script, one inline stylesheet allowed by
 * the page's CSP nonce.
 */
export const layout = (options: { locale: Locale; title: string; nonce: string; body: SafeHtml }) =>
  html`<!doctype html>
    <html lang="${options.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${options.title} · VixenHealth ID</title>
        <style nonce="${options.nonce}">
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <main>${options.body}</main>
      </body>
    </html>`.value;
