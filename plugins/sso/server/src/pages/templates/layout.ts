import type { Locale } from '../i18n/messages';
import { html, SafeHtml } from './html';

/** One stylesheet for every screen. Logical properties only, so right-to-left needs no new rules. */
const STYLE = `
:root { color-scheme: light; font-family: system-ui, sans-serif; }
body { margin: 0; background: #f5f1ec; color: #1f1a17; }
.skip { position: absolute; inset-inline-start: 1rem; inset-block-start: -4rem; padding: 0.5rem 1rem; background: #fff; }
.skip:focus { inset-block-start: 1rem; }
header { max-inline-size: 46rem; margin: 2rem auto 0; padding-inline: 1rem; }
header p { margin: 0; font-weight: 700; }
nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0; margin-block: 0.5rem 0; list-style: none; }
main { max-inline-size: 26rem; margin: 4rem auto; padding: 2rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 4px #0002; }
main.wide { max-inline-size: 44rem; margin-block: 1rem 4rem; }
h1 { font-size: 1.5rem; margin-block: 0 0.5rem; }
h2 { font-size: 1.2rem; margin-block: 2.5rem 0.5rem; }
section:first-of-type h2 { margin-block-start: 1.5rem; }
label { display: block; margin-block: 1rem 0.25rem; font-weight: 600; }
input { box-sizing: border-box; inline-size: 100%; padding: 0.6rem; font-size: 1rem; border: 1px solid #8a7f78; border-radius: 6px; }
input[aria-invalid="true"] { border: 2px solid #8a1c1c; }
input:focus, button:focus, a:focus { outline: 3px solid #c2410c; outline-offset: 2px; }
button { margin-block-start: 1.25rem; padding: 0.6rem 1.2rem; font-size: 1rem; border-radius: 6px; border: 0; background: #b23c07; color: #fff; cursor: pointer; }
button.danger { background: #8a1c1c; }
button.secondary { background: transparent; color: #1f1a17; border: 1px solid #8a7f78; }
a { color: #9a3412; }
.upstreams ul { display: grid; gap: 0.5rem; padding: 0; list-style: none; }
.upstreams h2 { font-size: 1rem; margin-block: 1.5rem 0.5rem; color: #4a413c; }
a.button { display: block; padding: 0.6rem 1.2rem; border: 1px solid #8a7f78; border-radius: 6px; color: #1f1a17; text-decoration: none; text-align: center; }
.hint { margin: 0 0 0.25rem; color: #4a413c; font-size: 0.9rem; }
.field-error { margin: 0 0 0.25rem; color: #8a1c1c; font-weight: 600; }
.error { padding: 0.75rem; border-radius: 6px; background: #fde8e8; color: #8a1c1c; }
.error p, .error ul { margin-block: 0.25rem; }
.notice { padding: 0.75rem; border-radius: 6px; background: #e7f4ea; color: #1d4d2b; }
.lead { color: #4a413c; }
.table { overflow-x: auto; }
table { inline-size: 100%; border-collapse: collapse; font-size: 0.95rem; }
th, td { padding: 0.4rem 0.5rem; text-align: start; border-block-end: 1px solid #e4ddd6; vertical-align: top; }
td.agent { overflow-wrap: anywhere; }
.impersonation { position: sticky; inset-block-start: 0; z-index: 1; display: flex; flex-wrap: wrap; align-items: center; justify-content: center; gap: 0.5rem; padding: 0.6rem 1rem; background: #7a1f5c; color: #fff; font-weight: 600; }
.impersonation form { display: inline; }
.impersonation button { margin: 0; padding: 0.25rem 0.8rem; background: #fff; color: #7a1f5c; }
.qr svg { display: block; inline-size: 13rem; block-size: 13rem; margin-block: 1rem; }
.key { font-family: ui-monospace, monospace; font-size: 1.05rem; overflow-wrap: anywhere; }
.codes { columns: 2; padding-inline-start: 1.25rem; font-family: ui-monospace, monospace; font-size: 1.1rem; }
label.check { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; }
label.check input { inline-size: auto; }
details { margin-block: 0.75rem; }
`;

export interface LayoutOptions {
  locale: Locale;
  title: string;
  nonce: string;
  body: SafeHtml;
  /** Module scripts of ID's own (their URLs), each optional: the page works without them. */
  scripts?: string[];
  /** Wider, for the account pages' tables, with a skip link and the account's sections. */
  account?: { skipLabel: string; nav?: SafeHtml };
  /** Shown above everything while staff act as the signed-in person (impersonation). */
  banner?: SafeHtml;
}

/**
 * The page every ID screen shares: server-rendered, one inline stylesheet allowed by the page's
 * CSP nonce; a page may add module scripts of ID's own, which only enhance it.
 */
export const layout = (options: LayoutOptions) =>
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
        ${(options.scripts ?? []).map((src) => html`<script type="module" src="${src}"></script>`)}
      </head>
      <body>
        ${options.banner ?? ''}
        ${
          options.account
            ? html`<a class="skip" href="#content">${options.account.skipLabel}</a>
                <header>
                  <p>VixenHealth ID</p>
                  ${options.account.nav ?? ''}
                </header>
                <main id="content" class="wide" tabindex="-1">${options.body}</main>`
            : html`<main>${options.body}</main>`
        }
      </body>
    </html>`.value;
