import type { Catalog } from '../catalog';

export default {
  en: {
    'error.title': 'Something went wrong',
    'error.csrf': 'The form has expired. Go back and try again.',
    'error.back': 'Back to VixenHealth',
    'signed-out.title': 'You are signed out',
  },
  ru: {
    'error.title': 'Что-то пошло не так',
    'error.csrf': 'Форма устарела. Вернитесь назад и попробуйте снова.',
    'error.back': 'Вернуться в VixenHealth',
    'signed-out.title': 'Вы вышли из аккаунта',
  },
} satisfies Catalog;
