import type { Core } from '@strapi/strapi';

import { MACRO } from '../content-types/uids';

/** Canned replies a new desk starts with; agents' leads edit them as data afterwards. */
const DEFAULT_MACROS = [
  {
    name: 'Нужны подробности',
    body:
      'Здравствуйте! Чтобы разобраться, пришлите, пожалуйста, снимок экрана и опишите, ' +
      'что вы делали перед ошибкой.',
    setStatus: 'pending',
    addTags: ['need-info'],
  },
  {
    name: 'Решено',
    body: 'Мы всё исправили. Если вопрос останется, просто ответьте на это сообщение.',
    setStatus: 'resolved',
    addTags: [],
  },
];

/** Creates the default canned replies on a desk that has none. */
export const ensureDefaultMacros = async (strapi: Core.Strapi) => {
  if ((await strapi.db.query(MACRO).count()) > 0) return;
  for (const macro of DEFAULT_MACROS) await strapi.db.query(MACRO).create({ data: macro });
};
