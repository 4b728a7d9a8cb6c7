const DEMO_ACCOUNTS = [
  ['Demo clinic owner', 'owner@demo.vixenhealth.local'],
  ['Demo patient', 'patient@demo.vixenhealth.local'],
];

/**
 * Tells where everything is. In development it also shows the sign-in details of the first admin
 * and the demo accounts (all generated into `.env` on first start), and where sent mail can be
 * read; never in production.
 */
export const printWelcome = ({
  mailboxUrl = /** @type {string | null} */ (null),
  sitesPort = /** @type {number | null} */ (null),
  staticPort = /** @type {number | null} */ (null),
  portalUrl = /** @type {string | null} */ (null),
  docsUrl = /** @type {string | null} */ (null),
} = {}) => {
  const env = process.env;
  const cmsUrl = env.PUBLIC_URL || `http://localhost:${env.PORT ?? 1337}`;
  const rows = [
    ...(portalUrl ? [['Portal', portalUrl]] : []),
    ...(docsUrl ? [['Docs', docsUrl]] : []),
    ['CMS content API', `${cmsUrl}/api/clinics`],
    ['CMS admin panel', `${cmsUrl}/admin`],
    ['VixenHealth ID', `${env.ID_ISSUER || `${cmsUrl}/id`}/.well-known/openid-configuration`],
  ];
  const base = env.SITES_BASE_DOMAIN || 'localhost';
  if (sitesPort) {
    rows.push([
      'Clinic sites',
      `http://<subdomain>.${base}:${sitesPort}, e.g. http://lisya-tropa.${base}:${sitesPort}`,
    ]);
  }
  if (staticPort) {
    rows.push(['Static deploys', `http://<subdomain>.${base}:${staticPort} (rebuilt on publish)`]);
  }
  if (mailboxUrl) rows.push(['Mail sent (dev)', mailboxUrl]);
  if (env.NODE_ENV !== 'production') {
    rows.push(['Admin sign-in', `${env.ADMIN_EMAIL} / ${env.ADMIN_PASSWORD}`]);
    if (env.DEMO_DATA !== 'false') {
      for (const [label, email] of DEMO_ACCOUNTS) {
        rows.push([label, `${email} / ${env.DEMO_USER_PASSWORD}`]);
      }
    }
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\nVixenHealth is running:\n`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  console.log('\nStop with Ctrl+C. Settings live in .env (see .env.example).\n');
};
