const en = {
  'sign-in.title': 'Sign in to VixenHealth',
  'sign-in.lead': 'One account for clinics, reviews and support.',
  'sign-in.email': 'Email',
  'sign-in.password': 'Password',
  'sign-in.submit': 'Sign in',
  'sign-in.cancel': 'Cancel',
  'sign-in.continue-to': 'to continue to {client}',
  'sign-in.error.bad-credentials': 'Incorrect email or password.',
  'sign-in.error.missing': 'Enter your email and password.',
  'sign-in.error.throttled': 'Too many attempts. Try again in {seconds} seconds.',
  'sign-in.error.blocked': 'This account is blocked. Contact VixenHealth support.',
  'consent.title': 'Allow access?',
  'consent.lead': '{client} asks to access your VixenHealth account:',
  'consent.allow': 'Allow',
  'consent.deny': 'Deny',
  'scope.openid': 'know who you are',
  'scope.email': 'see your email address',
  'scope.profile': 'see your name',
  'scope.offline_access': 'stay signed in when you are away',
  'scope.api': 'act for you on VixenHealth',
  'error.title': 'Something went wrong',
  'error.csrf': 'The form has expired. Go back and try again.',
  'error.back': 'Back to VixenHealth',
  'signed-out.title': 'You are signed out',
} as const;

export type MessageKey = keyof typeof en;
export type Locale = 'ru' | 'en';

const ru: Record<MessageKey, string> = {
  'sign-in.title': 'Вход в VixenHealth',
  'sign-in.lead': 'Один аккаунт для клиник, отзывов и поддержки.',
  'sign-in.email': 'Электронная почта',
  'sign-in.password': 'Пароль',
  'sign-in.submit': 'Войти',
  'sign-in.cancel': 'Отмена',
  'sign-in.continue-to': 'чтобы продолжить в {client}',
  'sign-in.error.bad-credentials': 'Неверная почта или пароль.',
  'sign-in.error.missing': 'Введите почту и пароль.',
  'sign-in.error.throttled': 'Слишком много попыток. Попробуйте через {seconds} с.',
  'sign-in.error.blocked': 'Аккаунт заблокирован. Обратитесь в поддержку VixenHealth.',
  'consent.title': 'Разрешить доступ?',
  'consent.lead': '{client} запрашивает доступ к вашему аккаунту VixenHealth:',
  'consent.allow': 'Разрешить',
  'consent.deny': 'Отказать',
  'scope.openid': 'знать, кто вы',
  'scope.email': 'видеть адрес вашей почты',
  'scope.profile': 'видеть ваше имя',
  'scope.offline_access': 'оставаться в системе, пока вас нет',
  'scope.api': 'действовать от вашего имени в VixenHealth',
  'error.title': 'Что-то пошло не так',
  'error.csrf': 'Форма устарела. Вернитесь назад и попробуйте снова.',
  'error.back': 'Вернуться в VixenHealth',
  'signed-out.title': 'Вы вышли из аккаунта',
};

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, ru };

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

export const hasMessage = (key: string): key is MessageKey => key in en;
