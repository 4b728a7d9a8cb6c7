import type { Catalog } from '../catalog';

export default {
  en: {
    'impersonation.banner': 'You are acting as {name} — {actor}, until {until}',
    'impersonation.banner.end': 'End',
    'impersonation.refused.title': 'Not while acting as someone',
    'impersonation.refused.text':
      'Support acting as a person cannot change their password, email or second factor, sign them out everywhere or delete their account. Only they can, in their own session.',
    'impersonation.link-dead.title': 'This link no longer works',
    'impersonation.link-dead.text':
      'A start link works once, within a minute of being made, and only while its impersonation lasts. Start a new one in the admin panel.',
    'impersonation.end.title': 'End acting as this person',
    'impersonation.end.lead': 'You are acting as {name} until {until}.',
    'impersonation.end.submit': 'End now',
    'impersonation.ended.title': 'Impersonation ended',
    'impersonation.ended.text':
      'You no longer act as this person: the session and the tokens issued in it have ended.',
    'impersonation.ended.none': 'This browser is not acting as anyone.',
  },
  ru: {
    'impersonation.banner': 'Вы действуете от имени {name} — {actor}, до {until}',
    'impersonation.banner.end': 'Завершить',
    'impersonation.refused.title': 'Недоступно при действии от чужого имени',
    'impersonation.refused.text':
      'Поддержка, действующая от имени человека, не может менять его пароль, почту или второй фактор, завершать все его сеансы или удалять учётную запись. Это может только он сам, в своём сеансе.',
    'impersonation.link-dead.title': 'Ссылка больше не действует',
    'impersonation.link-dead.text':
      'Ссылка для входа срабатывает один раз, в течение минуты после создания, и только пока действует разрешение. Создайте новую в панели администратора.',
    'impersonation.end.title': 'Завершить действие от чужого имени',
    'impersonation.end.lead': 'Вы действуете от имени {name} до {until}.',
    'impersonation.end.submit': 'Завершить сейчас',
    'impersonation.ended.title': 'Действие от чужого имени завершено',
    'impersonation.ended.text':
      'Вы больше не действуете от имени этого человека: сеанс и выданные в нём токены больше не действуют.',
    'impersonation.ended.none': 'В этом браузере вы ни от чьего имени не действуете.',
  },
} satisfies Catalog;
