import { createHmac } from 'node:crypto';

import type { TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import {
  SIGNATURE_HEADER,
  type CreateIntegrationRequest,
  type CreatedIntegration,
} from '../../../shared/contracts';
import { EVENT_LOG } from '../storage/event-log';

/** A PBX's side of the webhooks, for the tests: integrations, posts, signatures, what is stored. */

export const createIntegration = async (
  cms: TestCms,
  request: Partial<CreateIntegrationRequest> = {}
): Promise<CreatedIntegration> => {
  const created = await cms.request<{ data: CreatedIntegration }>('/telephony/integrations', {
    method: 'POST',
    token: await cms.adminToken(),
    body: { name: 'Office PBX', kind: 'cti', ...request },
  });
  if (created.status !== 201) throw new Error(`integration not created: ${created.status}`);
  return created.body.data;
};

export interface Posted {
  status: number;
  body: any;
}

export const post = async (
  cms: TestCms,
  path: string,
  body: string,
  headers: Record<string, string>
): Promise<Posted> => {
  const response = await fetch(`${cms.baseUrl}${path}`, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};

/** The signature header of `body`, as a sender computes it, at `unixSeconds`. */
export const signature = (
  secret: string,
  body: string,
  unixSeconds = Math.floor(Date.now() / 1000)
) =>
  `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;

export const postSigned = (
  cms: TestCms,
  integration: CreatedIntegration,
  event: object,
  { secret = integration.secret, unixSeconds = Math.floor(Date.now() / 1000) } = {}
) => {
  const body = JSON.stringify(event);
  return post(cms, `/api/telephony/events/${integration.token}`, body, {
    'content-type': 'application/json',
    [SIGNATURE_HEADER]: signature(secret, body, unixSeconds),
  });
};

/** What is stored: call rows and logged events, in all or for one integration. */
export const stored = async (cms: TestCms, integrationId?: number) => {
  const where = integrationId === undefined ? {} : { integration: integrationId };
  const calls = await cms.strapi.db.query('plugin::telephony.call').count({ where });
  const [{ count }] = await cms.strapi.db
    .connection(EVENT_LOG)
    .modify((query) => {
      if (integrationId !== undefined) void query.where({ integration_id: integrationId });
    })
    .count({ count: '*' });
  return { calls, events: Number(count) };
};

export const callOf = async (cms: TestCms, integrationId: number, callId: string) =>
  cms.strapi.db
    .query('plugin::telephony.call')
    .findOne({ where: { integration: integrationId, callId }, populate: ['agent'] });
