/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in person's session from the `vh_session` cookie (middleware), or null. */
    session: import('@vixenhealth/id-web').Session | null;
  }
}
