import { startKamailio, type SipUser } from '../lib/kamailio.mjs';

export type { SipUser };

/**
 * A real Kamailio (Debian's `kamailio` + `kamailio-websocket-modules`) on a free loopback port,
 * accepting exactly `users`: registrar and proxy for the softphones under test; with `ctiUrl`,
 * also the PBX reporting their calls (and the `support` number's, ringing `supportMembers`).
 * Stop it in `afterAll`.
 */
export const startTestKamailio = (
  users: SipUser[],
  domain = 'test.vixenhealth.local',
  pbx: { supportMembers?: string[]; ctiUrl?: string } = {}
) =>
  startKamailio({
    users,
    domain,
    ...pbx,
    stdio: process.env.KAMAILIO_LOG ? 'inherit' : 'ignore',
  });
