import type { Core } from '@strapi/strapi';

import type { CallChange } from '../calls/call-listeners';
import { callBackNote, needsCallBack, recordingNote } from './call-summary';
import { callNoteId, noteCallIn, ticketForCall } from './call-ticket';
import { supportDesk } from './support-desk';

/**
 * Every call ends in a ticket: the one the agent picked in the pop-up gets the call's summary,
 * else the caller's open ticket or a new one takes it through the desk's intake. A call nobody
 * answered is tagged `call-back` with a note saying whom to call; a recording, once there, is
 * linked in the ticket. Each step is keyed by the call, so a repeated change adds nothing.
 */
export const linkCall =
  (strapi: Core.Strapi) =>
  async ({ call, previousStatus }: CallChange) => {
    if (call.status !== 'ended') return;
    const { desk } = supportDesk(strapi);
    let number = call.ticket?.number ?? null;
    if (previousStatus !== 'ended') {
      if (number) await noteCallIn(strapi, call, number);
      else number = await ticketForCall(strapi, call);
      if (needsCallBack(call)) {
        await desk.addNote({
          number,
          text: callBackNote(call),
          externalId: callNoteId(call, 'call-back'),
          tags: ['call-back'],
        });
      }
    }
    if (number && call.recording) {
      await desk.addNote({
        number,
        text: recordingNote(call),
        externalId: callNoteId(call, 'recording'),
      });
    }
  };
