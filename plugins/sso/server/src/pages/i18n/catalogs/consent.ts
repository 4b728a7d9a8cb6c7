import type { Catalog } from '../catalog';

export default {
  en: {
    'consent.title': 'Allow access?',
    'consent.lead': '{client} asks to access your VixenHealth account:',
    'consent.allow': 'Allow',
    'consent.deny': 'Deny',
    'scope.openid': 'know who you are',
    'scope.email': 'see your email address',
    'scope.profile': 'see your name',
    'scope.phone': 'see your phone number',
    'scope.offline_access': 'stay signed in when you are away',
    'scope.api': 'act for you on VixenHealth',
  },
  ru: {
    'consent.title': 'Разрешить доступ?',
    'consent.lead': '{client} запрашивает доступ к вашему аккаунту VixenHealth:',
    'consent.allow': 'Разрешить',
    'consent.deny': 'Отказать',
    'scope.openid': 'знать, кто вы',
    'scope.email': 'видеть адрес вашей почты',
    'scope.profile': 'видеть ваше имя',
    'scope.phone': 'видеть ваш номер телефона',
    'scope.offline_access': 'оставаться в системе, пока вас нет',
    'scope.api': 'действовать от вашего имени в VixenHealth',
  },
} satisfies Catalog;
