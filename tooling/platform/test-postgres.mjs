// `npm run test:postgres`: the whole test suite on PostgreSQL. Each test file gets a database of
// its own on the server TEST_DATABASE_URL names (default: the local server, user postgres).
import { cmsRequire } from '../lib/cms-require.mjs';
import { ROOT_DIR } from '../lib/paths.mjs';
import { run } from '../lib/processes.mjs';

process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

const pg = cmsRequire('pg');
const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
try {
  await client.connect();
  await client.end();
} catch (error) {
  console.error(
    `Cannot reach PostgreSQL at TEST_DATABASE_URL: ${/** @type {Error} */ (error).message}`
  );
  process.exit(1);
}

try {
  await run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], {
    cwd: ROOT_DIR,
  });
} catch {
  process.exit(1);
}
