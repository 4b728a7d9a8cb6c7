import type { Catalog } from '../catalog';

/** Staff sign-in to the admin panel through ID (admin-sign-in/). */
export default {
  en: {
    'admin-sign-in.title': 'Admin panel sign-in',
    'admin-sign-in.failed':
      'We could not finish signing you in to the admin panel. Please start again.',
    'admin-sign-in.cancelled': 'You cancelled signing in to the admin panel.',
    'admin-sign-in.not-staff':
      'Your VixenHealth ID account has no access to the admin panel. If you need it, ask your manager to add you to a staff group.',
    'admin-sign-in.second-factor':
      'The admin panel requires a second factor. Set up a one-time code app or a passkey in your VixenHealth ID account, then sign in again.',
    'admin-sign-in.try-again': 'Back to the admin panel sign-in',
  },
  ru: {
    'admin-sign-in.title': 'Вход в панель администратора',
    'admin-sign-in.failed':
      'Не удалось завершить вход в панель администратора. Пожалуйста, начните заново.',
    'admin-sign-in.cancelled': 'Вы отменили вход в панель администратора.',
    'admin-sign-in.not-staff':
      'У вашего аккаунта VixenHealth ID нет доступа к панели администратора. Если он нужен, попросите руководителя добавить вас в группу сотрудников.',
    'admin-sign-in.second-factor':
      'Для панели администратора нужен второй фактор. Настройте приложение одноразовых кодов или ключ доступа в аккаунте VixenHealth ID и войдите снова.',
    'admin-sign-in.try-again': 'Вернуться ко входу в панель администратора',
  },
} satisfies Catalog;
