/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    session: import('@vixenhealth/id-web').Session | null;
  }
}
