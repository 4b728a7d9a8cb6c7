import type { Catalog } from '../catalog';

export default {
  en: {
    'sign-up.title': 'Create a VixenHealth account',
    'sign-up.lead': 'We will send a link to confirm your email.',
    'sign-up.submit': 'Create account',
    'sign-up.have-account': 'Already have an account? Sign in from the site you came from.',
    'sign-up.sent.title': 'Check your email',
    'sign-up.sent.text':
      'We have sent a link to {email}. Open it to confirm your address, then sign in.',
    'password.too-short': 'Use at least 10 characters.',
    'password.too-long': 'Use at most 200 characters.',
    'password.too-common': 'This password is one of the most common ones. Choose another.',
    'password.contains-email': 'Do not use your email address in the password.',
    'email.invalid': 'Enter an email address such as name@example.ru.',
    'verify.done.title': 'Email confirmed',
    'verify.done.text': 'You can now sign in with {email}.',
    'verify.invalid': 'This link is invalid or has expired. Sign in to get a new one.',
    'verify.taken': 'This address is already used by another account.',
    'forgot.title': 'Reset your password',
    'forgot.lead': 'Enter your email and we will send you a link to set a new password.',
    'forgot.submit': 'Send link',
    'forgot.sent.text':
      'If an account uses {email}, we have sent it a link. It works for one hour.',
    'reset.title': 'Set a new password',
    'reset.password': 'New password',
    'reset.submit': 'Save password',
    'reset.invalid': 'This link is invalid or has expired. Ask for a new one.',
    'reset.done.title': 'Password changed',
    'reset.done.text': 'You have been signed out everywhere. Sign in with your new password.',
    'mail.verify.subject': 'Confirm your VixenHealth email',
    'mail.verify.text':
      'Open this link to confirm your email address:\n\n{link}\n\nThe link works for 24 hours. If you did not ask for it, ignore this email.',
    'mail.exists.subject': 'Someone tried to create a VixenHealth account with your email',
    'mail.exists.text':
      'An account with this email already exists. If it was you, sign in, or reset your password:\n\n{link}\n\nIf it was not you, ignore this email.',
    'mail.reset.subject': 'Reset your VixenHealth password',
    'mail.reset.text':
      'Open this link to set a new password:\n\n{link}\n\nThe link works for one hour. If you did not ask for it, ignore this email: your password stays as it is.',
    'mail.throttled':
      'Too many emails have been asked for to this address. Try again in {minutes} min.',
    'mail.password-changed.subject': 'Your VixenHealth password was changed',
    'mail.password-changed.text':
      'The password of your VixenHealth account was changed on {when} (UTC).\n\nIf it was not you, reset your password now and sign out everywhere:\n\n{link}',
  },
  ru: {
    'sign-up.title': 'Создание аккаунта VixenHealth',
    'sign-up.lead': 'Мы отправим ссылку для подтверждения почты.',
    'sign-up.submit': 'Создать аккаунт',
    'sign-up.have-account': 'Уже есть аккаунт? Войдите с сайта, с которого пришли.',
    'sign-up.sent.title': 'Проверьте почту',
    'sign-up.sent.text':
      'Мы отправили ссылку на {email}. Откройте её, чтобы подтвердить адрес, затем войдите.',
    'password.too-short': 'Не меньше 10 символов.',
    'password.too-long': 'Не больше 200 символов.',
    'password.too-common': 'Этот пароль слишком распространён. Выберите другой.',
    'password.contains-email': 'Не используйте адрес почты в пароле.',
    'email.invalid': 'Введите адрес почты, например name@example.ru.',
    'verify.done.title': 'Почта подтверждена',
    'verify.done.text': 'Теперь можно войти с адресом {email}.',
    'verify.invalid': 'Ссылка недействительна или устарела. Войдите, чтобы получить новую.',
    'verify.taken': 'Этот адрес уже используется другим аккаунтом.',
    'forgot.title': 'Восстановление пароля',
    'forgot.lead': 'Введите почту, и мы пришлём ссылку для нового пароля.',
    'forgot.submit': 'Отправить ссылку',
    'forgot.sent.text':
      'Если аккаунт с адресом {email} существует, мы отправили на него ссылку. Она действует один час.',
    'reset.title': 'Новый пароль',
    'reset.password': 'Новый пароль',
    'reset.submit': 'Сохранить пароль',
    'reset.invalid': 'Ссылка недействительна или устарела. Запросите новую.',
    'reset.done.title': 'Пароль изменён',
    'reset.done.text': 'Вы вышли из аккаунта на всех устройствах. Войдите с новым паролем.',
    'mail.verify.subject': 'Подтвердите почту для VixenHealth',
    'mail.verify.text':
      'Откройте ссылку, чтобы подтвердить адрес почты:\n\n{link}\n\nСсылка действует 24 часа. Если вы её не запрашивали, просто проигнорируйте письмо.',
    'mail.exists.subject': 'Кто-то пытался создать аккаунт VixenHealth с вашей почтой',
    'mail.exists.text':
      'Аккаунт с этой почтой уже есть. Если это были вы, войдите или восстановите пароль:\n\n{link}\n\nЕсли это были не вы, проигнорируйте письмо.',
    'mail.reset.subject': 'Восстановление пароля VixenHealth',
    'mail.reset.text':
      'Откройте ссылку, чтобы задать новый пароль:\n\n{link}\n\nСсылка действует один час. Если вы её не запрашивали, проигнорируйте письмо: пароль останется прежним.',
    'mail.throttled':
      'На этот адрес запрошено слишком много писем. Попробуйте через {minutes} мин.',
    'mail.password-changed.subject': 'Пароль VixenHealth изменён',
    'mail.password-changed.text':
      'Пароль вашей учётной записи VixenHealth изменён {when} (UTC).\n\nЕсли это были не вы, сразу задайте новый пароль и выйдите на всех устройствах:\n\n{link}',
  },
} satisfies Catalog;
