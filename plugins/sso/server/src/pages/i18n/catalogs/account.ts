import type { Catalog } from '../catalog';

export default {
  en: {
    'account.title': 'Your VixenHealth account',
    'account.skip': 'Skip to content',
    'account.nav': 'Account sections',
    'account.signed-in-as': 'Signed in as {email}',
    'account.form.errors': 'Please correct the following:',
    'account.notice.profile': 'Your personal data is saved.',
    'account.notice.email':
      'We sent a confirmation link to your new address. Your email changes once you open it; until then your current address stays.',
    'account.notice.password': 'Your password is changed. Every other session of yours has ended.',

    'account.profile.title': 'Personal data',
    'account.profile.name': 'Full name',
    'account.profile.phone': 'Phone',
    'account.profile.phone.hint': 'In international format, e.g. +7 912 345-67-89.',
    'account.profile.email': 'Email',
    'account.profile.email.hint':
      'If you change it, we send a confirmation link to the new address first.',
    'account.profile.email.unconfirmed': 'This address is not confirmed yet.',
    'account.profile.submit': 'Save',
    'account.profile.error.name-too-long': 'The name must be at most 120 characters long.',
    'account.profile.error.name-invalid': 'The name contains characters that cannot be used.',
    'account.profile.error.phone-invalid':
      'Enter the phone number with a plus and the country code, e.g. +7 912 345-67-89.',
    'account.profile.error.email-missing': 'Enter your email address.',

    'account.mail.taken.subject': 'Your email address and VixenHealth',
    'account.mail.taken.text':
      'Hello,\n\nsomeone tried to add this address to a VixenHealth account, but it already belongs to another account, so nothing was changed. If it was you, sign in with this address instead.\n\nVixenHealth',
    'account.mail.changing.subject': 'Your VixenHealth email address is being changed',
    'account.mail.changing.text':
      'Hello,\n\nsomeone asked to change the email address of your VixenHealth account to {email}. Nothing changes until the link sent there is opened.\n\nIf it was not you, change your password and sign out everywhere: {account}\n\nVixenHealth',

    'account.password.title': 'Password',
    'account.password.lead': 'Changing the password ends every other session of yours.',
    'account.password.current': 'Current password',
    'account.password.new': 'New password',
    'account.password.new.hint': 'At least 10 characters, and not a common password.',
    'account.password.again': 'New password again',
    'account.password.submit': 'Change password',
    'account.password.error.mismatch': 'The two new passwords differ.',

    'account.reauth.missing': 'Enter your current password.',
    'account.reauth.wrong': 'The password is incorrect.',
    'account.reauth.throttled': 'Too many attempts. Try again in {seconds} seconds.',
    'account.reauth.blocked': 'This account is blocked. Contact VixenHealth support.',

    'account.sessions.title': 'Active sessions',
    'account.sessions.lead': 'Browsers and devices where you are signed in to VixenHealth.',
    'account.sessions.session': 'Session',
    'account.sessions.started': 'Signed in',
    'account.sessions.expires': 'Ends',
    'account.sessions.current': 'This browser',
    'account.sessions.other': 'Another browser or device',
    'account.sessions.end-all':
      'Signing out everywhere ends all of them, this one included, and stops every application from renewing your sign-in.',
    'account.sessions.end-all.submit': 'Sign out everywhere',

    'account.history.title': 'Sign-in history',
    'account.history.lead': 'Your latest sign-in attempts, newest first.',
    'account.history.empty': 'No sign-in attempts yet.',
    'account.history.when': 'When',
    'account.history.outcome': 'Result',
    'account.history.ip': 'IP address',
    'account.history.browser': 'Browser',
    'account.history.outcome.success': 'Signed in',
    'account.history.outcome.bad-credentials': 'Wrong password',
    'account.history.outcome.bad-code': 'Wrong two-step code',
    'account.history.outcome.throttled': 'Refused: too many attempts',
    'account.history.outcome.blocked': 'Refused: account blocked',
    'account.history.outcome.unverified': 'Refused: email not confirmed',
    'account.history.unknown-browser': 'Unknown',

    'account.delete.title': 'Delete account',
    'account.delete.lead':
      'This deletes your account for good: personal data, password, sign-in history and sessions. Clinics you run lose you as their owner or administrator. It cannot be undone.',
    'account.delete.password': 'Your password',
    'account.delete.submit': 'Delete my account',

    'account.signed-out.title': 'You are signed out everywhere',
    'account.signed-out.text': 'Every session of your account has ended, on all devices and apps.',
    'account.goodbye.title': 'Your account is deleted',
    'account.goodbye.text':
      'We deleted your account and everything it held. Thank you for using VixenHealth.',
    'account.sign-in-again': 'Sign in again',

    'account.sign-in.title': 'Could not sign you in',
    'account.sign-in.expired':
      'The sign-in took too long or was started in another tab. Please try again.',
    'account.sign-in.cancelled': 'You cancelled the sign-in.',
    'account.sign-in.failed': 'Something went wrong while signing you in. Please try again.',
    'account.try-again': 'Try again',
  },
  ru: {
    'account.title': 'Ваш аккаунт VixenHealth',
    'account.skip': 'Перейти к содержимому',
    'account.nav': 'Разделы аккаунта',
    'account.signed-in-as': 'Вы вошли как {email}',
    'account.form.errors': 'Исправьте, пожалуйста:',
    'account.notice.profile': 'Личные данные сохранены.',
    'account.notice.email':
      'Мы отправили ссылку для подтверждения на новый адрес. Почта сменится, когда вы её откроете; до тех пор остаётся текущий адрес.',
    'account.notice.password': 'Пароль изменён. Все остальные ваши сеансы завершены.',

    'account.profile.title': 'Личные данные',
    'account.profile.name': 'Имя и фамилия',
    'account.profile.phone': 'Телефон',
    'account.profile.phone.hint': 'В международном формате, например +7 912 345-67-89.',
    'account.profile.email': 'Электронная почта',
    'account.profile.email.hint':
      'Если вы её смените, мы сначала отправим ссылку для подтверждения на новый адрес.',
    'account.profile.email.unconfirmed': 'Этот адрес ещё не подтверждён.',
    'account.profile.submit': 'Сохранить',
    'account.profile.error.name-too-long': 'Имя должно быть не длиннее 120 символов.',
    'account.profile.error.name-invalid': 'В имени есть недопустимые символы.',
    'account.profile.error.phone-invalid':
      'Введите номер с плюсом и кодом страны, например +7 912 345-67-89.',
    'account.profile.error.email-missing': 'Введите адрес электронной почты.',

    'account.mail.taken.subject': 'Ваш адрес почты и VixenHealth',
    'account.mail.taken.text':
      'Здравствуйте!\n\nКто-то пытался добавить этот адрес к аккаунту VixenHealth, но он уже принадлежит другому аккаунту, поэтому ничего не изменилось. Если это были вы, входите с этим адресом.\n\nVixenHealth',
    'account.mail.changing.subject': 'Адрес почты вашего аккаунта VixenHealth меняется',
    'account.mail.changing.text':
      'Здравствуйте!\n\nПоступил запрос сменить адрес почты вашего аккаунта VixenHealth на {email}. Ничего не изменится, пока не открыта ссылка, отправленная на этот адрес.\n\nЕсли это были не вы, смените пароль и выйдите на всех устройствах: {account}\n\nVixenHealth',

    'account.password.title': 'Пароль',
    'account.password.lead': 'После смены пароля все остальные ваши сеансы завершатся.',
    'account.password.current': 'Текущий пароль',
    'account.password.new': 'Новый пароль',
    'account.password.new.hint': 'Не короче 10 символов и не из числа распространённых.',
    'account.password.again': 'Новый пароль ещё раз',
    'account.password.submit': 'Сменить пароль',
    'account.password.error.mismatch': 'Новые пароли не совпадают.',

    'account.reauth.missing': 'Введите текущий пароль.',
    'account.reauth.wrong': 'Неверный пароль.',
    'account.reauth.throttled': 'Слишком много попыток. Попробуйте через {seconds} с.',
    'account.reauth.blocked': 'Аккаунт заблокирован. Обратитесь в поддержку VixenHealth.',

    'account.sessions.title': 'Активные сеансы',
    'account.sessions.lead': 'Браузеры и устройства, где вы вошли в VixenHealth.',
    'account.sessions.session': 'Сеанс',
    'account.sessions.started': 'Вход',
    'account.sessions.expires': 'Завершится',
    'account.sessions.current': 'Этот браузер',
    'account.sessions.other': 'Другой браузер или устройство',
    'account.sessions.end-all':
      'Выход на всех устройствах завершит все сеансы, включая этот, и не даст приложениям продлевать вход.',
    'account.sessions.end-all.submit': 'Выйти на всех устройствах',

    'account.history.title': 'История входов',
    'account.history.lead': 'Ваши последние попытки входа, сначала новые.',
    'account.history.empty': 'Попыток входа пока не было.',
    'account.history.when': 'Когда',
    'account.history.outcome': 'Результат',
    'account.history.ip': 'IP-адрес',
    'account.history.browser': 'Браузер',
    'account.history.outcome.success': 'Вход выполнен',
    'account.history.outcome.bad-credentials': 'Неверный пароль',
    'account.history.outcome.bad-code': 'Неверный код двухэтапного входа',
    'account.history.outcome.throttled': 'Отказ: слишком много попыток',
    'account.history.outcome.blocked': 'Отказ: аккаунт заблокирован',
    'account.history.outcome.unverified': 'Отказ: почта не подтверждена',
    'account.history.unknown-browser': 'Неизвестно',

    'account.delete.title': 'Удаление аккаунта',
    'account.delete.lead':
      'Аккаунт будет удалён навсегда: личные данные, пароль, история входов и сеансы. Клиники, которыми вы управляете, потеряют вас как владельца или администратора. Отменить это нельзя.',
    'account.delete.password': 'Ваш пароль',
    'account.delete.submit': 'Удалить мой аккаунт',

    'account.signed-out.title': 'Вы вышли на всех устройствах',
    'account.signed-out.text':
      'Все сеансы вашего аккаунта завершены на всех устройствах и в приложениях.',
    'account.goodbye.title': 'Ваш аккаунт удалён',
    'account.goodbye.text':
      'Мы удалили ваш аккаунт и всё, что в нём было. Спасибо, что пользовались VixenHealth.',
    'account.sign-in-again': 'Войти снова',

    'account.sign-in.title': 'Не удалось войти',
    'account.sign-in.expired':
      'Вход занял слишком много времени или был начат в другой вкладке. Попробуйте ещё раз.',
    'account.sign-in.cancelled': 'Вы отменили вход.',
    'account.sign-in.failed': 'Во время входа что-то пошло не так. Попробуйте ещё раз.',
    'account.try-again': 'Попробовать снова',
  },
} satisfies Catalog;
