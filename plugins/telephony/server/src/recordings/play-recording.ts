import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { CALL } from '../content-types/uids';
import { notFound } from '../errors';
import { groupSlugsOf, type DeskScope } from '../outbound/desk-scope';
import { pathOfRecording } from './recording-files';

interface CallForPlay {
  id: number;
  integration?: { group: string | null } | null;
  ticket?: { group?: { id: number } | null } | null;
  recording?: { name: string; mime: string; hash: string; ext: string } | null;
}

/** An agent hears a call of a group they work: its ticket's, or its integration's. */
const mayHear = async (strapi: Core.Strapi, scope: DeskScope, call: CallForPlay) => {
  if (scope.allGroups) return true;
  const ticketGroup = call.ticket?.group?.id;
  if (ticketGroup && scope.groupIds.includes(ticketGroup)) return true;
  const integrationGroup = call.integration?.group;
  return !!integrationGroup && (await groupSlugsOf(strapi, scope)).has(integrationGroup);
};

/**
 * Answers with a call's recording, to agents who may see the call; to anyone else the call
 * does not exist. Inline audio, never sniffed, never cached.
 */
export const playRecording = async (
  strapi: Core.Strapi,
  ctx: Context,
  scope: DeskScope,
  callId: number
) => {
  const call = (await strapi.db.query(CALL).findOne({
    where: { id: callId },
    populate: {
      integration: { select: ['group'] },
      ticket: { select: ['id'], populate: { group: { select: ['id'] } } },
      recording: { select: ['name', 'mime', 'hash', 'ext'] },
    },
  })) as CallForPlay | null;
  if (!call || !(await mayHear(strapi, scope, call))) throw notFound('Call');
  if (!call.recording) throw notFound('Recording');
  const filePath = pathOfRecording(strapi, call.recording);
  const stats = await stat(filePath).catch(() => null);
  if (!stats) throw notFound('Recording');
  ctx.set('Content-Type', call.recording.mime);
  ctx.set('Content-Length', String(stats.size));
  ctx.set(
    'Content-Disposition',
    `inline; filename*=UTF-8''${encodeURIComponent(call.recording.name)}`
  );
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = createReadStream(filePath);
};
