import type { Catalog } from '../catalog';

export default {
  en: {
    'error.title': 'Something went wrong',
    'error.csrf': 'The form has expired. Go back and try again.',
    'error.too-large': 'The form is too large. Go back and try again.',
    'error.back': 'Back to VixenHealth',
    'signed-out.title': 'You are signed out',
    'signed-out.text': 'You have signed out of VixenHealth on this device.',
    'sign-out.title': 'Sign out of VixenHealth?',
    'sign-out.lead': 'You will be signed out of every VixenHealth site on this device.',
    'sign-out.yes': 'Sign out',
    'sign-out.no': 'Stay signed in',
  },
  ru: {
    'error.title': 'Что-то пошло не так',
    'error.csrf': 'Форма устарела. Вернитесь назад и попробуйте снова.',
    'error.too-large': 'Форма слишком велика. Вернитесь назад и попробуйте снова.',
    'error.back': 'Вернуться в VixenHealth',
    'signed-out.title': 'Вы вышли из аккаунта',
    'signed-out.text': 'Вы вышли из VixenHealth на этом устройстве.',
    'sign-out.title': 'Выйти из VixenHealth?',
    'sign-out.lead': 'Вы выйдете со всех сайтов VixenHealth на этом устройстве.',
    'sign-out.yes': 'Выйти',
    'sign-out.no': 'Остаться в аккаунте',
  },
} satisfies Catalog;
