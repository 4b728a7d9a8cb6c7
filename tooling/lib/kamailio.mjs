import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freeLoopbackPort } from './free-port.mjs';
import { ROOT_DIR } from './paths.mjs';
import { waitForHttp } from './wait-for-http.mjs';

export const KAMAILIO_CONFIG = path.join(ROOT_DIR, 'deploy', 'kamailio', 'kamailio.cfg');

/** What may appear in the generated users table: nothing that could end a quoted config string. */
const SAFE = /^[A-Za-z0-9._~!$&*+=,;:@-]{1,128}$/;

/** A CTI endpoint Kamailio may post to: plain http(s), nothing that could end a quoted string. */
const SAFE_URL = /^https?:\/\/[A-Za-z0-9._~:/?@!&()*+,;=%-]{1,500}$/;

/**
 * @typedef {{ username: string, password: string }} SipUser
 * @typedef {{ port: number, domain: string, wsUrl: string, dir: string, stop: () => Promise<void> }} RunningKamailio
 */

/**
 * Starts Debian's Kamailio with `deploy/kamailio/kamailio.cfg` in the foreground (`-DD -E`), in a
 * runtime directory of its own holding the config and its users table, listening for SIP over
 * WebSocket on 127.0.0.1. Resolves once the WebSocket port answers HTTP.
 * `supportMembers` are the users the number `support` rings; with `ctiUrl` (a Zammad CTI
 * endpoint, `…/api/telephony/cti/<token>`) Kamailio reports every call to them or to a user there.
 * @param {{ users: SipUser[], domain?: string, port?: number, stdio?: 'ignore' | 'inherit',
 *   supportMembers?: string[], ctiUrl?: string }} options
 * @returns {Promise<RunningKamailio>}
 */
export const startKamailio = async ({
  users,
  domain = 'vixenhealth.local',
  port,
  stdio = 'ignore',
  supportMembers = [],
  ctiUrl,
}) => {
  for (const { username, password } of users) {
    if (!SAFE.test(username) || !SAFE.test(password)) {
      throw new Error(`Kamailio user ${JSON.stringify(username)}: use letters, digits and ._-+=@:`);
    }
  }
  for (const member of supportMembers) {
    if (!users.some(({ username }) => username === member)) {
      throw new Error(`Support member ${JSON.stringify(member)} is not one of the users`);
    }
  }
  if (!/^[a-z0-9.-]+$/i.test(domain)) throw new Error(`Bad SIP domain ${JSON.stringify(domain)}`);
  if (ctiUrl !== undefined && !SAFE_URL.test(ctiUrl)) throw new Error('Bad CTI URL');
  const dir = mkdtempSync(path.join(tmpdir(), 'vh-kamailio-'));
  const wsPort = port ?? (await freeLoopbackPort());
  copyFileSync(KAMAILIO_CONFIG, path.join(dir, 'kamailio.cfg'));
  writeFileSync(
    path.join(dir, 'users.cfg'),
    [
      'event_route[htable:mod-init] {',
      ...users.map(({ username, password }) => `\t$sht(users=>${username}) = "${password}";`),
      ...supportMembers.map((member, index) => `\t$sht(support=>${index}) = "${member}";`),
      '}',
      '',
    ].join('\n'),
    { mode: 0o600 }
  );
  if (ctiUrl) {
    writeFileSync(path.join(dir, 'cti.cfg'), `#!define CTI_URL "${ctiUrl}"\n`, { mode: 0o600 });
  }
  const server = spawn(
    '/usr/sbin/kamailio',
    [
      '-DD',
      '-E',
      '-f',
      path.join(dir, 'kamailio.cfg'),
      '-Y',
      dir,
      '-P',
      path.join(dir, 'kamailio.pid'),
      '-A',
      `WS_PORT=${wsPort}`,
      '-A',
      `SIP_DOMAIN=${domain}`,
    ],
    { stdio }
  );
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      await new Promise((resolve) => {
        server.once('exit', resolve);
        server.kill('SIGTERM');
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // The WebSocket port is Kamailio's HTTP too: anything but a handshake gets 404.
    await Promise.race([
      waitForHttp(`http://127.0.0.1:${wsPort}/`, {
        status: 404,
        timeoutMs: 15_000,
        isAlive: () => server.exitCode === null,
      }),
      new Promise((_, reject) =>
        server.once('error', (error) =>
          reject(new Error(`Kamailio did not start (apt-get install kamailio): ${error.message}`))
        )
      ),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port: wsPort, domain, wsUrl: `ws://127.0.0.1:${wsPort}`, dir, stop };
};
