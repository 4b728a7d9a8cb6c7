import type { Catalog } from '../catalog';

export default {
  en: {
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
  },
  ru: {
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
  },
} satisfies Catalog;
