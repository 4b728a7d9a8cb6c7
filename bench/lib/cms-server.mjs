// The CMS as a benchmark target, run in a child of its own by cms-target.mjs with the environment
// it set, on the port given in argv (the one ID_ISSUER names). Boots like
// the tests' strapi-harness (@vixenhealth/tooling), adds the clinics and doc pages a case asked for, and reports the port it
// listens on.
import { seedBenchClinics } from './bench-clinics.mjs';
import { seedBenchDocPages } from './bench-doc-pages.mjs';
import { seedBenchTotpUsers } from './bench-totp-users.mjs';
import { reportToParent } from './child.mjs';
import { loadCms } from './load-cms.mjs';

await reportToParent(async () => {
  const port = Number(process.argv[2]);
  // Runs the bootstrap too: on the empty database it seeds the demo data.
  const strapi = await loadCms();
  // A case's own content (cms-target.mjs sets BENCH_CLINICS, BENCH_DOC_PAGES, BENCH_TOTP_USERS),
  // before anyone reads.
  await seedBenchClinics(strapi, Number(process.env.BENCH_CLINICS ?? 0));
  await seedBenchDocPages(strapi, Number(process.env.BENCH_DOC_PAGES ?? 0));
  await seedBenchTotpUsers(
    strapi,
    Number(process.env.BENCH_TOTP_USERS ?? 0),
    String(process.env.BENCH_TOTP_SECRET ?? ''),
    String(process.env.DEMO_USER_PASSWORD ?? '')
  );
  // listen() takes a callback and returns no promise.
  await new Promise((resolve) => strapi.server.listen(port, '127.0.0.1', () => resolve(undefined)));
  return { port };
});
