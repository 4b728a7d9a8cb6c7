import { translate, type Locale, type MessageKey } from '../i18n/messages';

/** What every template is given about the request (see `request/page-context.ts`). */
export interface PageContext {
  locale: Locale;
  nonce: string;
  csrfToken: string;
}

/** A message in the page's language. */
export const t = (
  page: Pick<PageContext, 'locale'>,
  key: MessageKey,
  values?: Record<string, string | number>
) => translate(page.locale, key, values);
