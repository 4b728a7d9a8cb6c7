// One editor's publish on one CMS node, and the public API of every node serving it: a new
// clinic published through the admin panel's API on the first node, then the clinics list read
// from each node until it names the clinic. Run by lib/scenario-worker.mjs, by one user.
import { randomBytes } from 'node:crypto';

import { publishClinic, signInAdmin } from '@vixenhealth/tooling/lib/cms-admin-api';

/** The public list every clinic site reads, all clinics on one page. */
const CLINICS_LIST = '/api/clinics?pagination[pageSize]=100';

/** Longer than this and the change counts as never seen: the iteration fails. */
const GIVE_UP_MS = 10_000;

/**
 * The clinics' names in one node's list, warming (or reading) its public cache.
 * @param {string} node
 */
const clinicNames = async (node) => {
  const response = await fetch(`${node}${CLINICS_LIST}`, { signal: AbortSignal.timeout(5000) });
  if (response.status !== 200) throw new Error(`GET ${CLINICS_LIST}: ${response.status}`);
  const { data } = /** @type {{ data: { name: string }[] }} */ (await response.json());
  return data.map((clinic) => clinic.name);
};

/**
 * Reads `node`'s list again and again until it names `name`.
 * @param {string} node
 * @param {string} name
 * @param {number} since when the publish was answered (performance.now())
 */
const untilServed = async (node, name, since) => {
  while (!(await clinicNames(node)).includes(name)) {
    if (performance.now() - since > GIVE_UP_MS) {
      throw new Error(`${node} did not serve a clinic published ${GIVE_UP_MS} ms before`);
    }
  }
};

/** @type {import('../lib/scenario.mjs').Scenario} */
export default async ({ url, options }) => {
  /** @type {{ nodes: string[], admin: { email: string, password: string } }} */
  const { nodes, admin } = options;
  const token = await signInAdmin(url, admin);
  // Every node's list is in its cache before the first publish: what is measured is the cache
  // giving way, not a first read.
  for (const node of nodes) for (let n = 0; n < 2; n += 1) await clinicNames(node);

  return async (step) => {
    const name = `Bench ${randomBytes(4).toString('hex')}`;
    await step('publish on node A', async () => {
      const answer = await publishClinic(url, token, {
        name,
        slug: `bench-${randomBytes(4).toString('hex')}`,
      });
      if (answer.status !== 200) {
        throw new Error(`publish: ${answer.status} ${(await answer.text()).slice(0, 200)}`);
      }
    });
    const published = performance.now();
    await step('visible on every node', () =>
      Promise.all(nodes.map((node) => untilServed(node, name, published)))
    );
  };
};
