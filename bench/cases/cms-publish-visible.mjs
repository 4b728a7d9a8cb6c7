import { startCmsCluster } from '../lib/cms-cluster.mjs';

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'cms-publish-visible',
  description:
    'Two CMS nodes on one PostgreSQL and one Redis, both public caches warm: a clinic published through the admin API on node A, then GET /api/clinics on both nodes until both list it',
  scenario: new URL('../scenarios/cms-publish-visible.mjs', import.meta.url),

  async start() {
    const cluster = await startCmsCluster(2);
    return {
      url: cluster.urls[0],
      options: { nodes: cluster.urls, admin: cluster.admin },
      // One editor: publishes one after the other, each timed until every node serves it.
      users: 1,
      stop: cluster.stop,
    };
  },

  goals: [
    {
      label: 'visible on both nodes p95',
      unit: ' ms',
      of: (result) => result.steps?.['visible on every node']?.p95,
      below: 1000,
    },
    {
      label: 'visible on both nodes p99',
      unit: ' ms',
      of: (result) => result.steps?.['visible on every node']?.p99,
      below: 1000,
    },
  ],
};
