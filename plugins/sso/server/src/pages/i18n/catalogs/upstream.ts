import type { Catalog } from '../catalog';

export default {
  en: {
    'upstream.title': 'Signing in',
    'upstream.sign-in.or': 'Or sign in with',
    'upstream.sign-in.with': '{provider}',
    'upstream.error.failed':
      'Signing in with that service could not be finished. Go back to the application and try again.',
    'upstream.error.no-email':
      '{provider} did not share an email address with us. Allow access to your email there, or sign up with a password.',
    'upstream.error.unverified-match':
      'An account with this email already exists, but {provider} has not confirmed that the address is yours. Sign in with your password, then link {provider} in "My account".',
    'upstream.created.verify':
      'Your account is created. We have sent a link to {email}: open it to confirm the address, then sign in again.',
    'upstream.confirm.title': 'Link {provider} to your account',
    'upstream.confirm.lead':
      'An account with the email {email} already exists. Prove that it is yours once, and {provider} will sign you in to it from now on.',
    'upstream.confirm.password': 'Password of that account',
    'upstream.confirm.submit': 'Link and sign in',
    'upstream.confirm.or-mail': 'No password? We can email a link to {email}.',
    'upstream.confirm.mail-submit': 'Email me a link',
    'upstream.confirm.sent':
      'We have sent a link to {email}. Open it in this browser within an hour to link the account and sign in.',
    'mail.link-identity.subject': 'Link {provider} to your VixenHealth account',
    'mail.link-identity.text':
      'Someone signing in with {provider} asked to link it to your VixenHealth account. If it was you, open this link in the same browser within an hour:\n\n{link}\n\nIf it was not you, ignore this email: nothing is linked.',
    'account.linked.title': 'Linked accounts',
    'account.linked.lead': 'Services you can sign in to VixenHealth with, besides your password.',
    'account.linked.open': 'Manage linked accounts',
    'account.linked.none': 'No linked accounts yet.',
    'account.linked.since': 'linked {date}',
    'account.linked.unlink': 'Unlink',
    'account.linked.add': 'Link another account',
    'account.linked.link': 'Link {provider}',
    'account.linked.back': 'Back to my account',
    'account.linked.done.linked': 'The account is linked.',
    'account.linked.done.unlinked': 'The account is unlinked.',
    'account.linked.refused.linked-elsewhere':
      'That account is already linked to another VixenHealth account.',
    'account.linked.refused.last-way-in':
      'This is your only way to sign in: set a password or link another account first.',
    'account.linked.refused.not-found': 'That linked account no longer exists.',
    'account.history.outcome.upstream-refused': 'Refused: sign-in with a service failed',
  },
  ru: {
    'upstream.title': 'Вход',
    'upstream.sign-in.or': 'Или войдите через',
    'upstream.sign-in.with': '{provider}',
    'upstream.error.failed':
      'Не удалось завершить вход через этот сервис. Вернитесь в приложение и попробуйте ещё раз.',
    'upstream.error.no-email':
      '{provider} не передал нам адрес почты. Разрешите там доступ к почте или зарегистрируйтесь с паролем.',
    'upstream.error.unverified-match':
      'Аккаунт с этой почтой уже есть, но {provider} не подтвердил, что адрес ваш. Войдите с паролем и привяжите {provider} в разделе «Мой аккаунт».',
    'upstream.created.verify':
      'Аккаунт создан. Мы отправили ссылку на {email}: откройте её, чтобы подтвердить адрес, и войдите снова.',
    'upstream.confirm.title': 'Привязать {provider} к аккаунту',
    'upstream.confirm.lead':
      'Аккаунт с почтой {email} уже есть. Подтвердите один раз, что он ваш, и дальше {provider} будет входить в него.',
    'upstream.confirm.password': 'Пароль этого аккаунта',
    'upstream.confirm.submit': 'Привязать и войти',
    'upstream.confirm.or-mail': 'Нет пароля? Можем прислать ссылку на {email}.',
    'upstream.confirm.mail-submit': 'Прислать ссылку',
    'upstream.confirm.sent':
      'Мы отправили ссылку на {email}. Откройте её в этом браузере в течение часа, чтобы привязать аккаунт и войти.',
    'mail.link-identity.subject': 'Привязка {provider} к аккаунту VixenHealth',
    'mail.link-identity.text':
      'Кто-то, входя через {provider}, попросил привязать его к вашему аккаунту VixenHealth. Если это были вы, откройте ссылку в том же браузере в течение часа:\n\n{link}\n\nЕсли это были не вы, просто проигнорируйте письмо: ничего не будет привязано.',
    'account.linked.title': 'Связанные аккаунты',
    'account.linked.lead': 'Сервисы, через которые можно войти в VixenHealth, кроме пароля.',
    'account.linked.open': 'Управлять связанными аккаунтами',
    'account.linked.none': 'Связанных аккаунтов пока нет.',
    'account.linked.since': 'привязан {date}',
    'account.linked.unlink': 'Отвязать',
    'account.linked.add': 'Привязать ещё',
    'account.linked.link': 'Привязать {provider}',
    'account.linked.back': 'Назад в мой аккаунт',
    'account.linked.done.linked': 'Аккаунт привязан.',
    'account.linked.done.unlinked': 'Аккаунт отвязан.',
    'account.linked.refused.linked-elsewhere':
      'Этот аккаунт уже привязан к другому аккаунту VixenHealth.',
    'account.linked.refused.last-way-in':
      'Это ваш единственный способ входа: сначала задайте пароль или привяжите другой аккаунт.',
    'account.linked.refused.not-found': 'Этого связанного аккаунта больше нет.',
    'account.history.outcome.upstream-refused': 'Отказ: вход через сервис не удался',
  },
} satisfies Catalog;
