import type { Core } from '@strapi/strapi';

import { CALL } from '../content-types/uids';

type MarkColumn = 'popupShownTo' | 'busyAgentId';

/**
 * What the desk did for a call, kept on the call's row rather than in one node's memory: a
 * PBX's later event of the call may land on another CMS node, which must undo it. Each mark is
 * set and taken by one conditional UPDATE, so of two nodes handling two events of one call at
 * once, exactly one closes the pop-up or frees the agent.
 */
export const deskMarks = (strapi: Core.Strapi, callId: number) => {
  const calls = strapi.db.query(CALL);
  const updated = async (where: Record<string, unknown>, data: Record<string, unknown>) =>
    ((await calls.updateMany({ where: { id: callId, ...where }, data })) as { count: number })
      .count > 0;

  /** The mark's value, cleared by this node only: null when there is none or another took it. */
  const take = async <T>(column: MarkColumn): Promise<T | null> => {
    const row = (await calls.findOne({ where: { id: callId }, select: [column] })) as Record<
      MarkColumn,
      unknown
    > | null;
    const value = row?.[column] ?? null;
    if (value === null) return null;
    // Each mark is set once per call, so whoever clears it first has the value read.
    return (await updated({ [column]: { $notNull: true } }, { [column]: null }))
      ? (value as T)
      : null;
  };

  return {
    /** Records who is shown the ringing call; false when it stopped ringing meanwhile. */
    showPopup: (agentIds: number[]) => updated({ status: 'ringing' }, { popupShownTo: agentIds }),
    /** Who was shown the call's pop-up, to the one node that closes it (none for the others). */
    takePopup: async () => (await take<number[]>('popupShownTo')) ?? [],
    /** Records that the call made the agent busy; false when it ended meanwhile. */
    markBusy: (agentId: number) => updated({ status: 'talking' }, { busyAgentId: agentId }),
    /** The agent the call made busy, to the one node that frees them (null for the others). */
    takeBusy: () => take<number>('busyAgentId'),
  };
};
