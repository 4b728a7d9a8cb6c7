import agent from './agent/schema.json';
import auditEntry from './audit-entry/schema.json';
import board from './board/schema.json';
import group from './group/schema.json';
import macro from './macro/schema.json';
import pollState from './poll-state/schema.json';
import problem from './problem/schema.json';
import savedFilter from './saved-filter/schema.json';
import ticket from './ticket/schema.json';
import ticketMessage from './ticket-message/schema.json';

export default {
  agent: { schema: agent },
  'audit-entry': { schema: auditEntry },
  board: { schema: board },
  group: { schema: group },
  macro: { schema: macro },
  'poll-state': { schema: pollState },
  problem: { schema: problem },
  'saved-filter': { schema: savedFilter },
  ticket: { schema: ticket },
  'ticket-message': { schema: ticketMessage },
};
