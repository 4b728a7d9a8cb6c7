/// <reference types="astro/client" />
/// <reference types="@astrojs/starlight/locals" />

declare namespace App {
  interface Locals {
    /** The session from the `vh_docs_session` cookie, on pages rendered on request. */
    session: import('@vixenhealth/id-web').Session | null;
    /** The reader of a page rendered on request, once known. */
    reader?: import('./lib/reader').Reader | null;
    /** Private pages the reader of a private page may see, for the navigation. */
    privateNavigation?: import('./navigation/nav-page').NavPage[];
  }
}
