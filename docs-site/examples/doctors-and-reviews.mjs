// A clinic's doctors and approved reviews for the clinic's own site, read from the VixenHealth
// CMS's public Content API: Node 20, fetch, no dependencies, no token.
//
//   CMS_URL=http://localhost:1337 CLINIC=lisya-tropa node docs-site/examples/doctors-and-reviews.mjs
//
// Prints an HTML fragment to put into a page. Everything the API returns is text written by
// people (reviews by patients), so every value is escaped before it becomes HTML.
const cmsUrl = process.env.CMS_URL || 'http://localhost:1337';
const subdomain = process.env.CLINIC;
if (!subdomain) {
  console.error('Set CLINIC to the clinic’s subdomain, e.g. CLINIC=lisya-tropa');
  process.exit(2);
}

/** @param {unknown} text */
const escape = (text) =>
  String(text ?? '').replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Review text keeps its line breaks: escaped first, then each newline becomes `<br>`. */
const paragraph = (/** @type {unknown} */ text) => escape(text).replace(/\n/g, '<br>');

/** Russian plural forms: `plural(3, ['отзыв', 'отзыва', 'отзывов'])` is `отзыва`. */
const plural = (/** @type {number} */ n, /** @type {string[]} */ [one, few, many]) => {
  const form = new Intl.PluralRules('ru').select(n);
  return form === 'one' ? one : form === 'few' ? few : many;
};

/**
 * GET /api/<path> of the public API. It answers published, visible content only: a suspended
 * clinic, a draft doctor or a review not yet approved by a moderator never comes back.
 * @param {string} path
 * @param {Record<string, string>} query Strapi's bracket notation, e.g. `filters[city][$eq]`
 */
const read = async (path, query) => {
  const response = await fetch(`${cmsUrl}/api/${path}?${new URLSearchParams(query)}`, {
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.json();
  // Errors come in Strapi's shape: { error: { status, name, message, details } }.
  if (!response.ok) throw new Error(`GET /api/${path}: ${response.status} ${body.error?.message}`);
  return body;
};

const {
  data: [clinic],
} = await read('clinics', { 'filters[subdomain][$eq]': subdomain, 'fields[0]': 'name' });
if (!clinic) {
  console.error(`No published clinic at the subdomain ${subdomain}`);
  process.exit(1);
}

const [doctors, reviews, summary] = await Promise.all([
  read('doctors', {
    'filters[clinics][documentId][$eq]': clinic.documentId,
    'fields[0]': 'fullName',
    'fields[1]': 'experienceYears',
    'populate[specialty][fields][0]': 'name',
    sort: 'fullName:asc',
    'pagination[pageSize]': '100',
  }),
  read('reviews', {
    'filters[clinic][documentId][$eq]': clinic.documentId,
    'populate[reply][fields][0]': 'text',
    sort: 'createdAt:desc',
    'pagination[pageSize]': '10',
  }),
  read('reviews/summary', { targetType: 'clinic', clinic: clinic.documentId }),
]);

/** @param {{ fullName: string, experienceYears?: number | null, specialty?: { name: string } | null }} doctor */
const doctorItem = (doctor) => {
  const about = [
    doctor.specialty?.name,
    doctor.experienceYears
      ? `стаж ${doctor.experienceYears} ${plural(doctor.experienceYears, ['год', 'года', 'лет'])}`
      : null,
  ].filter(Boolean);
  return `<li>${escape(doctor.fullName)}${about.length ? ` — ${escape(about.join(', '))}` : ''}</li>`;
};

/** A rating of 1 to 5 as stars: `stars(4)` is `★★★★☆`. */
const stars = (/** @type {number} */ rating) => '★'.repeat(rating) + '☆'.repeat(5 - rating);

/** @param {{ rating: number, title: string, text: string, authorName?: string, visitMonth?: string | null, reply?: { text: string } | null }} review */
const reviewArticle = (review) => `
    <article>
      <h4>${escape(review.title)}</h4>
      <p><span role="img" aria-label="Оценка ${escape(review.rating)} из 5">${stars(review.rating)}</span>
        · ${escape(review.authorName || 'Пациент')}${review.visitMonth ? ` · визит ${escape(review.visitMonth)}` : ''}</p>
      <p>${paragraph(review.text)}</p>${
        review.reply
          ? `\n      <blockquote>Ответ клиники: ${paragraph(review.reply.text)}</blockquote>`
          : ''
      }
    </article>`;

const { count, average } = summary.data;
console.log(`<section class="vh-clinic" lang="ru">
  <h2>${escape(clinic.name)}</h2>
  <h3>Врачи</h3>
  <ul>
    ${doctors.data.map(doctorItem).join('\n    ') || '<li>Врачи пока не добавлены</li>'}
  </ul>
  <h3>Отзывы</h3>
  <p>${
    count
      ? `Средняя оценка ${average.toLocaleString('ru')} из 5, ${count} ${plural(count, ['отзыв', 'отзыва', 'отзывов'])}`
      : 'Отзывов пока нет'
  }</p>${reviews.data.map(reviewArticle).join('')}
</section>`);
