import { startKamailio, type SipUser } from '../lib/kamailio.mjs';

export type { SipUser };

/**
 * A real Kamailio (Debian's `kamailio` + `kamailio-websocket-modules`) on a free loopback port,
 * accepting exactly `users`: registrar and proxy for the softphones under test. Stop it in
 * `afterAll`.
 */
export const startTestKamailio = (users: SipUser[], domain = 'test.vixenhealth.local') =>
  startKamailio({ users, domain, stdio: process.env.KAMAILIO_LOG ? 'inherit' : 'ignore' });
