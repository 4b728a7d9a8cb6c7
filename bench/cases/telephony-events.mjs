import { signInAdmin } from '@vixenhealth/tooling/lib/cms-admin-api';

import { startCms } from '../lib/cms-target.mjs';

/**
 * The admin API's answer to `path`, as the first admin (a Super Admin).
 * @param {import('../lib/cms-target.mjs').Cms} cms
 * @param {string} path
 * @param {object} body
 */
const asAdmin = async (cms, path, body) => {
  const answer = await fetch(`${cms.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await signInAdmin(cms.url, cms.admin)}`,
    },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()).data;
};

/** @type {import('../lib/cases.mjs').BenchCase} */
export default {
  name: 'telephony-events',
  description:
    'POST /api/telephony/events/<token>: signed call events (HMAC-SHA256 checked, logged once by id, the call folded anew and stored) in the real CMS (SQLite), calls of newCall, answer and hangup sent concurrently',
  scenario: new URL('../scenarios/telephony-events.mjs', import.meta.url),

  async start() {
    const cms = await startCms();
    try {
      const { token, secret } = await asAdmin(cms, '/telephony/integrations', {
        name: 'Bench PBX',
        kind: 'cti',
      });
      return { url: cms.url, options: { token, secret }, stop: cms.stop };
    } catch (error) {
      await cms.stop();
      throw error;
    }
  },

  goals: [{ label: 'signed events/s', of: (result) => result.perSecond, atLeast: 100 }],
};
