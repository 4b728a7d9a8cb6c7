import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAdminUser } from '@vixenhealth/tooling/testing/people';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import type { SipAccountInput } from '../../../shared/contracts';

/** Agents' SIP accounts through the admin API: who sets them, who reads them, how they are kept. */

let cms: TestCms;
let lead: Awaited<ReturnType<typeof createAdminUser>>;
let agent: Awaited<ReturnType<typeof createAdminUser>>;
let otherAgent: Awaited<ReturnType<typeof createAdminUser>>;

beforeAll(async () => {
  cms = await startTestCms();
  lead = await createAdminUser(cms, 'support-lead');
  agent = await createAdminUser(cms, 'support-agent');
  otherAgent = await createAdminUser(cms, 'support-agent');
});
afterAll(() => cms?.stop());

const account = (user: string): SipAccountInput => ({
  sipUri: `sip:${user}@pbx.example.org`,
  password: `pw-${user}-Secret!`,
  wsUrl: 'wss://pbx.example.org:8443/ws',
  displayName: 'Поддержка',
});

const put = (token: string, userId: number, body: unknown) =>
  cms.request(`/telephony/sip-accounts/${userId}`, { method: 'PUT', token, body });
const mine = (token: string) => cms.request('/telephony/sip-account', { token });
const rows = () => cms.strapi.db.query('plugin::telephony.sip-account').findMany({});

describe('SIP accounts', () => {
  it('are set by a support lead and read, password and all, only by their own agent', async () => {
    const set = await put(lead.token, agent.id, account('agent7'));
    expect(set.status).toBe(200);
    expect(set.body.data).toEqual({
      userId: agent.id,
      sipUri: 'sip:agent7@pbx.example.org',
      authorizationUser: null,
      displayName: 'Поддержка',
      wsUrl: 'wss://pbx.example.org:8443/ws',
    });
    expect(JSON.stringify(set.body)).not.toContain('Secret');

    const own = await mine(agent.token);
    expect(own.status).toBe(200);
    expect(own.body.data).toMatchObject({
      sipUri: 'sip:agent7@pbx.example.org',
      password: 'pw-agent7-Secret!',
    });
    // Another agent has no account of their own, and no way to name someone else's.
    expect((await mine(otherAgent.token)).status).toBe(404);
  });

  it('keeps the password only sealed in the database', async () => {
    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain('pw-agent7-Secret!');
    expect(stored[0].sealedPassword).toMatch(/^v1\./);
  });

  it('replaces an account when set again, keeping one row per agent', async () => {
    expect((await put(await cms.adminToken(), agent.id, { ...account('agent8') })).status).toBe(
      200
    );
    expect((await mine(agent.token)).body.data.password).toBe('pw-agent8-Secret!');
    expect(await rows()).toHaveLength(1);
  });

  it('are refused to an agent setting one, for themselves or another', async () => {
    expect((await put(agent.token, agent.id, account('mine'))).status).toBe(403);
    expect((await put(agent.token, otherAgent.id, account('theirs'))).status).toBe(403);
    expect((await mine(otherAgent.token)).status).toBe(404);
  });

  it('refuse bad input naming the field, and store nothing', async () => {
    const cases: [unknown, string][] = [
      [{ ...account('x'), sipUri: 'agent@' }, 'sipUri'],
      [{ ...account('x'), wsUrl: 'http://pbx.example.org' }, 'wsUrl'],
      [{ ...account('x'), password: '' }, 'password'],
      [{ ...account('x'), password: 'x'.repeat(129) }, 'password'],
      [{ ...account('x'), displayName: 'a"b' }, 'displayName'],
      [{ ...account('x'), sipUri: 42 }, 'sipUri'],
    ];
    for (const [body, field] of cases) {
      const answer = await put(lead.token, otherAgent.id, body);
      expect(answer.status, field).toBe(400);
      expect(answer.body.error.details.errors[0].path).toEqual([field]);
    }
    expect((await put(lead.token, 999_999, account('ghost'))).status).toBe(404);
    expect((await mine(otherAgent.token)).status).toBe(404);
    expect(await rows()).toHaveLength(1);
  });

  it('are not read without signing in to the admin panel', async () => {
    expect((await cms.request('/telephony/sip-account')).status).toBe(401);
  });
});
