import type { CountryCode } from 'libphonenumber-js';

import type { CallEvent, CtiReply } from '../../../shared/contracts';
import type { IntegrationRow } from '../integrations/integration-row';
import { normalizeNumber } from '../phone-numbers/normalize-number';

/**
 * What Zammad answers a PBX: for an incoming `newCall` from a blocked caller, reject it as busy;
 * for an outgoing `newCall` when the integration has an outbound caller id, dial with it; else
 * nothing. Numbers are compared in E.164, so `8 495 …` blocks `+7 495 …` too.
 */
export const ctiReply = (
  integration: IntegrationRow,
  event: CallEvent,
  country: CountryCode
): CtiReply => {
  if (event.kind !== 'newCall') return {};
  if (event.direction === 'in') {
    const caller = normalizeNumber(event.from, country);
    const blocked = (integration.blockedNumbers ?? []).some(
      (number) => normalizeNumber(number, country) === caller
    );
    return blocked ? { action: 'reject', reason: 'busy' } : {};
  }
  return integration.outboundCallerId
    ? { action: 'dial', caller_id: integration.outboundCallerId, number: event.to }
    : {};
};
