import type { Core } from '@strapi/strapi';

import type { TicketStatus } from '../../../shared/contracts';
import { recordAudit } from '../audit/audit-trail';
import { PROBLEM } from '../content-types/uids';
import { notNow } from '../errors';
import type { Actor } from '../tickets/actor';
import { changeTicket } from '../tickets/change-ticket';
import { postAgentMessage } from '../tickets/post-message';
import { isActive } from '../tickets/ticket-row';
import { getProblem } from './problem-rows';

/** Opens a problem, optionally with its first incident linked. */
export const createProblem = async (
  strapi: Core.Strapi,
  input: { title: string; description?: string; incidentId?: number },
  actor: Actor
) => {
  const problem = await strapi.db.transaction(async () => {
    const created = await strapi.db.query(PROBLEM).create({
      data: { title: input.title, description: input.description ?? '', status: 'open' },
    });
    await recordAudit(strapi, {
      problemId: created.id,
      action: 'created',
      actor,
      after: { title: input.title },
    });
    return created;
  });
  if (input.incidentId)
    await changeTicket(strapi, input.incidentId, { problemId: problem.id }, actor);
  return getProblem(strapi, problem.id);
};

/**
 * Resolves a problem and with it every incident still open: each gets the resolution as a
 * public reply, delivered on the channel its requester used (mail, Telegram, SMS, or their
 * web thread), and is resolved. Each incident is its own transaction, so one that fails does
 * not undo the others, and running it again finishes what is left.
 */
export const resolveProblem = async (
  strapi: Core.Strapi,
  problemId: number,
  resolution: string,
  actor: Actor
) => {
  const problem = await getProblem(strapi, problemId);
  const incidents = problem.incidents as { id: number; status: TicketStatus }[];
  if (problem.status === 'resolved' && !incidents.some((incident) => isActive(incident.status))) {
    throw notNow('problem-resolved', 'This problem is already resolved');
  }
  await strapi.db.transaction(async () => {
    await strapi.db.query(PROBLEM).update({
      where: { id: problemId },
      data: { status: 'resolved', resolution, resolvedAt: new Date(), flagged: false },
    });
    await recordAudit(strapi, {
      problemId,
      action: 'resolved',
      actor,
      before: { status: problem.status },
      after: { status: 'resolved', resolution },
    });
  });
  for (const incident of incidents) {
    if (!isActive(incident.status)) continue;
    await postAgentMessage(strapi, incident.id, { kind: 'reply', text: resolution }, actor);
    await changeTicket(strapi, incident.id, { status: 'resolved' }, actor, {
      action: 'resolved-by-problem',
    });
  }
  return getProblem(strapi, problemId);
};

/** Reopens a problem (a fix did not hold); its flag is cleared, its incidents are left as they are. */
export const reopenProblem = async (strapi: Core.Strapi, problemId: number, actor: Actor) => {
  const problem = await getProblem(strapi, problemId);
  await strapi.db.transaction(async () => {
    await strapi.db.query(PROBLEM).update({
      where: { id: problemId },
      data: { status: 'open', resolvedAt: null, flagged: false },
    });
    await recordAudit(strapi, {
      problemId,
      action: 'reopened',
      actor,
      before: { status: problem.status, flagged: Boolean(problem.flagged) },
      after: { status: 'open', flagged: false },
    });
  });
  return getProblem(strapi, problemId);
};
