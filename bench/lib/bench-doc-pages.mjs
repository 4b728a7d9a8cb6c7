// Public doc pages of the docs-build case, written into the CMS by its own process (see
// cms-server.mjs) through the Document Service, so that the content rules apply as for editors.

/** Sections the pages are spread over: the docs' navigation shows each as a group. */
const SECTIONS = [
  ['api', 'Замеры: API'],
  ['cabinet', 'Замеры: кабинет'],
  ['sites', 'Замеры: сайты'],
  ['support', 'Замеры: поддержка'],
  ['metrics', 'Замеры: метрики'],
  ['id', 'Замеры: вход'],
];

/** @param {number} index */
const sectionOf = (index) => SECTIONS[index % SECTIONS.length];

/** @param {number} index the page's slug, which the docs serve it under: `/<slug>/` */
export const benchDocSlug = (index) => `bench/${sectionOf(index)[0]}/page-${index}`;

/**
 * About 3.5 KB of Markdown as editors write it: headings, paragraphs, lists, a table, a quote,
 * code blocks in three languages (each highlighted at build time) and links to other pages.
 * @param {number} index
 * @param {number} count
 */
const bodyOf = (index, count) => {
  const next = benchDocSlug((index + 1) % count);
  const other = benchDocSlug((index + 7) % count);
  const paragraph = (/** @type {string} */ topic) =>
    `Раздел о ${topic} страницы ${index}. Клиника настраивает его один раз, а пациенты видят ` +
    `результат сразу после публикации. Если что-то пошло не так, проверьте журнал изменений в ` +
    `кабинете и напишите в поддержку: мы отвечаем в течение рабочего дня. Значения по умолчанию ` +
    `подходят большинству клиник, поэтому менять их стоит только при явной необходимости.`;
  return `# Страница ${index}

${paragraph('подготовке')}

## Что понадобится

- учётная запись **VixenHealth ID** с ролью владельца клиники;
- опубликованный профиль клиники и хотя бы один врач;
- ключ API из раздела «Интеграции» (\`vh_live_${index.toString(16).padStart(6, '0')}\`);
- полчаса времени и доступ к DNS домена, если сайт на своём домене.

## Шаг за шагом

1. Откройте кабинет и выберите клинику.
2. Перейдите в «Настройки» → «Интеграции» и нажмите «Создать ключ».
3. Скопируйте ключ: он показывается один раз.
4. Проверьте запрос ниже из терминала.
5. Сохраните настройки и дождитесь публикации (обычно 2–3 секунды).

\`\`\`sh
curl -s https://api.vixenhealth.ru/api/clinics/lisya-tropa \\
  -H "Authorization: Bearer $VH_TOKEN" \\
  -H "Accept: application/json" | jq '.data.doctors[] | {fullName, slug}'
\`\`\`

### Из кода

\`\`\`ts
import { createClient } from '@vixenhealth/api-client';

const cms = createClient({ baseUrl: 'https://api.vixenhealth.ru', token: process.env.VH_TOKEN });
const { data } = await cms.get('/clinics/{slug}', { path: { slug: 'lisya-tropa' } });
for (const doctor of data.doctors ?? []) {
  console.log(\`\${doctor.fullName}: \${doctor.slug} (страница ${index})\`);
}
\`\`\`

### Ответ

\`\`\`json
{
  "data": {
    "slug": "lisya-tropa",
    "name": "Лисья тропа",
    "doctors": [{ "fullName": "Иванова Анна Сергеевна", "slug": "ivanova" }]
  }
}
\`\`\`

## Ограничения

| Что            | Предел        | Что будет при превышении |
| -------------- | ------------- | ------------------------ |
| Запросов       | 600 в минуту  | ответ 429, повтор позже  |
| Размер ответа  | 1 МБ          | постраничная выдача      |
| Ключей API     | ${(index % 5) + 5} на клинику | новый ключ не создаётся |

> Ключ даёт доступ к данным клиники: храните его как пароль и не вставляйте в код сайта,
> который видят посетители.

## Частые вопросы

${paragraph('частых вопросах')}

- **Ответ 401.** Ключ отозван или скопирован не полностью.
- **Ответ 404.** Клиника не опубликована или указан не тот адрес.
- **Пустой список врачей.** Врачи не привязаны к клинике в кабинете.

## См. также

- [Следующая страница](/${next}/)
- [Похожая тема](/${other}/)
`;
};

/**
 * Creates `count` published public doc pages of about 3.5 KB of Markdown each.
 * @param {import('@strapi/strapi').Core.Strapi} strapi
 * @param {number} count
 */
export const seedBenchDocPages = async (strapi, count) => {
  // One transaction: SQLite then syncs to disk once, not after each of the pages' writes.
  await strapi.db.transaction(async () => {
    for (let i = 0; i < count; i += 1) {
      const [, section] = sectionOf(i);
      await strapi.documents('api::doc-page.doc-page').create({
        data: {
          title: `Страница замера ${i}`,
          slug: benchDocSlug(i),
          section,
          order: i,
          description: `Страница ${i} для замера сборки документации.`,
          body: bodyOf(i, count),
          audience: 'public',
        },
        status: 'published',
      });
    }
  });
};
