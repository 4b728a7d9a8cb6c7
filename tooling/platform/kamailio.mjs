// `npm run kamailio`: a SIP server for the agents' softphones in development — Kamailio as
// registrar and WebSocket proxy on 127.0.0.1, users in memory. Users come from KAMAILIO_USERS
// (`name:password,name:password`), else two are made up and printed. With KAMAILIO_CTI_URL (a
// Zammad CTI endpoint) it reports calls there, the number `support` ringing KAMAILIO_SUPPORT
// (`name,name`; default: every user). Stops with Ctrl+C.
import { randomBytes } from 'node:crypto';

import { startKamailio } from '../lib/kamailio.mjs';

const port = Number(process.env.KAMAILIO_WS_PORT ?? 5066);
const domain = process.env.KAMAILIO_DOMAIN ?? 'vixenhealth.local';
const users = process.env.KAMAILIO_USERS
  ? process.env.KAMAILIO_USERS.split(',').map((entry) => {
      const at = entry.indexOf(':');
      return { username: entry.slice(0, at).trim(), password: entry.slice(at + 1) };
    })
  : ['agent1', 'agent2'].map((username) => ({
      username,
      password: randomBytes(12).toString('base64url'),
    }));

const supportMembers = process.env.KAMAILIO_SUPPORT
  ? process.env.KAMAILIO_SUPPORT.split(',').map((name) => name.trim())
  : users.map(({ username }) => username);
const kamailio = await startKamailio({
  users,
  domain,
  port,
  stdio: 'inherit',
  supportMembers,
  ctiUrl: process.env.KAMAILIO_CTI_URL || undefined,
});
const generated = !process.env.KAMAILIO_USERS;

console.log(`
Kamailio listens for SIP over WebSocket at ${kamailio.wsUrl} (domain ${domain}).
Give each agent one of these accounts as a support lead or super admin (admin API token in $TOKEN,
the agent's admin user id in $USER_ID), then open Поддержка in the admin panel:
`);
for (const { username, password } of users) {
  const body = JSON.stringify({
    sipUri: `sip:${username}@${domain}`,
    password: generated ? password : '<their password>',
    wsUrl: kamailio.wsUrl,
  });
  console.log(
    `  curl -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\\n` +
      `    http://localhost:1337/telephony/sip-accounts/$USER_ID -d '${body}'`
  );
}
console.log('\nAn agent calls another by typing their user name (agent2) in the softphone.\n');

const stop = () => kamailio.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
