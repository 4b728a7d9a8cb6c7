import account from './catalogs/account';
import adminSignIn from './catalogs/admin-sign-in';
import common from './catalogs/common';
import consent from './catalogs/consent';
import impersonation from './catalogs/impersonation';
import passkeys from './catalogs/passkeys';
import secondFactor from './catalogs/second-factor';
import selfService from './catalogs/self-service';
import signIn from './catalogs/sign-in';
import upstream from './catalogs/upstream';

/** Every feature's catalog; a feature's keys start with its name. */
const FEATURES = [
  common,
  consent,
  signIn,
  selfService,
  account,
  secondFactor,
  adminSignIn,
  upstream,
  passkeys,
  impersonation,
] as const;

type Merge<T extends readonly { en: object }[]> = T extends readonly [infer Head, ...infer Rest]
  ? (Head extends { en: infer E } ? E : never) &
      (Rest extends readonly { en: object }[] ? Merge<Rest> : unknown)
  : unknown;

export type MessageKey = keyof Merge<typeof FEATURES> & string;
export type Locale = 'ru' | 'en';

const CATALOGS = {
  en: Object.assign({}, ...FEATURES.map((feature) => feature.en)) as Record<MessageKey, string>,
  ru: Object.assign({}, ...FEATURES.map((feature) => feature.ru)) as Record<MessageKey, string>,
};

/** Russian unless the browser prefers English over it. */
export const negotiateLocale = (acceptLanguage: string | undefined): Locale => {
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { lang: tag.toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.lang === 'ru' || entry.lang === 'en')
    .sort((a, b) => b.q - a.q);
  return (preferred[0]?.lang as Locale | undefined) ?? 'ru';
};

/** The message in `locale`, with `{name}` placeholders filled. */
export const translate = (
  locale: Locale,
  key: MessageKey,
  values: Record<string, string | number> = {}
) => CATALOGS[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

export const hasMessage = (key: string): key is MessageKey => key in CATALOGS.en;
