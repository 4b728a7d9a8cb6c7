/** One feature's messages, in every language ID speaks. English is the reference. */
export interface Catalog {
  en: Record<string, string>;
  ru: Record<string, string>;
}
