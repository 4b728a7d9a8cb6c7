import type { Catalog } from '../catalog';

export default {
  en: {
    'second-factor.title': 'Two-step sign-in',
    'second-factor.step.lead':
      'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
    'second-factor.code': 'Code',
    'second-factor.code.hint': 'From the app (6 digits) or a recovery code (e.g. abcde-fghjk).',
    'second-factor.remember': 'Remember this device for 30 days',
    'second-factor.submit': 'Continue',
    'second-factor.error.missing': 'Enter the code.',
    'second-factor.error.wrong': 'The code is incorrect.',
    'second-factor.error.replayed': 'This code has already been used. Wait for the next one.',
    'second-factor.error.throttled': 'Too many wrong codes. Try again in {seconds} seconds.',
    'second-factor.error.abandoned': 'Too many wrong codes. Sign in again.',
    'second-factor.enrol.title': 'Set up two-step sign-in',
    'second-factor.enrol.required':
      'Staff accounts must use two-step sign-in. Set it up now to continue.',
    'second-factor.enrol.scan':
      'Scan this QR code with an authenticator app (e.g. Yandex Key, Google Authenticator, Aegis), then enter the code it shows.',
    'second-factor.enrol.qr': 'QR code for the authenticator app',
    'second-factor.enrol.manual': 'Cannot scan? Enter the key by hand',
    'second-factor.enrol.key': 'Key',
    'second-factor.enrol.uri': 'Link for the app',
    'second-factor.enrol.confirm': 'Turn on',
    'second-factor.codes.title': 'Your recovery codes',
    'second-factor.codes.lead':
      'Each code signs you in once if you lose your phone. Save them somewhere safe now: they are not shown again.',
    'second-factor.codes.continue': 'I have saved them, continue',
    'second-factor.account.on': 'Two-step sign-in is on since {date}.',
    'second-factor.account.off':
      'Two-step sign-in is off: your password alone signs you in. Turn it on to ask for a code from an authenticator app too.',
    'second-factor.account.start': 'Set up an authenticator app',
    'second-factor.account.lead':
      'A code from an authenticator app after your password, so a stolen password alone is not enough.',
    'second-factor.account.recovery-left': 'Recovery codes left: {count}.',
    'second-factor.account.remove.title': 'Turn off two-step sign-in',
    'second-factor.account.remove.lead':
      'Turning it off removes the app, the recovery codes and every remembered device.',
    'second-factor.account.remove.password': 'Current password',
    'second-factor.account.remove.code': 'Code from the app',
    'second-factor.account.remove.submit': 'Turn off',
    'second-factor.account.back': 'Back to my account',
    'second-factor.notice.removed': 'Two-step sign-in is off.',
    'second-factor.notice.enabled': 'Two-step sign-in is on.',
  },
  ru: {
    'second-factor.title': 'Двухэтапный вход',
    'second-factor.step.lead':
      'Введите 6-значный код из приложения-аутентификатора или один из резервных кодов.',
    'second-factor.code': 'Код',
    'second-factor.code.hint': 'Из приложения (6 цифр) или резервный код (например, abcde-fghjk).',
    'second-factor.remember': 'Запомнить это устройство на 30 дней',
    'second-factor.submit': 'Продолжить',
    'second-factor.error.missing': 'Введите код.',
    'second-factor.error.wrong': 'Неверный код.',
    'second-factor.error.replayed': 'Этот код уже использован. Дождитесь следующего.',
    'second-factor.error.throttled': 'Слишком много неверных кодов. Попробуйте через {seconds} с.',
    'second-factor.error.abandoned': 'Слишком много неверных кодов. Войдите заново.',
    'second-factor.enrol.title': 'Настройка двухэтапного входа',
    'second-factor.enrol.required':
      'Для аккаунтов сотрудников двухэтапный вход обязателен. Настройте его, чтобы продолжить.',
    'second-factor.enrol.scan':
      'Отсканируйте QR-код приложением-аутентификатором (например, Яндекс Ключ, Google Authenticator, Aegis) и введите код, который оно покажет.',
    'second-factor.enrol.qr': 'QR-код для приложения-аутентификатора',
    'second-factor.enrol.manual': 'Не получается отсканировать? Введите ключ вручную',
    'second-factor.enrol.key': 'Ключ',
    'second-factor.enrol.uri': 'Ссылка для приложения',
    'second-factor.enrol.confirm': 'Включить',
    'second-factor.codes.title': 'Ваши резервные коды',
    'second-factor.codes.lead':
      'Каждый код один раз позволяет войти, если вы потеряете телефон. Сохраните их в надёжном месте сейчас: больше они не будут показаны.',
    'second-factor.codes.continue': 'Я сохранил(а) коды, продолжить',
    'second-factor.account.on': 'Двухэтапный вход включён с {date}.',
    'second-factor.account.off':
      'Двухэтапный вход выключен: для входа достаточно пароля. Включите его, чтобы при входе также запрашивался код из приложения-аутентификатора.',
    'second-factor.account.start': 'Подключить приложение-аутентификатор',
    'second-factor.account.lead':
      'Код из приложения-аутентификатора после пароля: одного украденного пароля будет недостаточно.',
    'second-factor.account.recovery-left': 'Осталось резервных кодов: {count}.',
    'second-factor.account.remove.title': 'Выключить двухэтапный вход',
    'second-factor.account.remove.lead':
      'Выключение удалит приложение, резервные коды и все запомненные устройства.',
    'second-factor.account.remove.password': 'Текущий пароль',
    'second-factor.account.remove.code': 'Код из приложения',
    'second-factor.account.remove.submit': 'Выключить',
    'second-factor.account.back': 'Вернуться в мой аккаунт',
    'second-factor.notice.removed': 'Двухэтапный вход выключен.',
    'second-factor.notice.enabled': 'Двухэтапный вход включён.',
  },
} satisfies Catalog;
