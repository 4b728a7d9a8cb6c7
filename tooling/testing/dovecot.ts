import { spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';

import { ImapFlow } from 'imapflow';
import path from 'node:path';

import { freeLoopbackPort } from '../lib/free-port.mjs';
import { waitForPort } from './wait-for-port';

export interface DovecotMessage {
  uid: number;
  flags: string[];
}

export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Delivers a raw mail into the INBOX, as an MTA would. */
  append(raw: Buffer | string): Promise<void>;
  /** Every message still in the INBOX, with its flags and keywords, by uid. */
  messages(): Promise<DovecotMessage[]>;
  stop(): Promise<void>;
}

const USER = 'support';
const PASSWORD = 'support-test-password';

/**
 * A real Dovecot IMAP server on 127.0.0.1 with one passwd-file user and a Maildir in a temp dir
 * (Debian's dovecot-imapd). Mail is appended and read back over IMAP itself.
 */
export const startDovecot = async (): Promise<Dovecot> => {
  const root = mkdtempSync(path.join(tmpdir(), 'vh-dovecot-'));
  const port = await freeLoopbackPort();
  // The mail processes (user dovecot) must reach the Maildir inside it.
  chmodSync(root, 0o755);
  const mail = path.join(root, 'mail');
  mkdirSync(mail);
  // Mail is owned by the dovecot system user: Dovecot never runs mail processes as root.
  const { uid, gid } = systemUser('dovecot');
  chownSync(mail, uid, gid);
  writeFileSync(path.join(root, 'passwd'), `${USER}:{PLAIN}${PASSWORD}:${uid}:${gid}::${mail}\n`);
  writeFileSync(
    path.join(root, 'dovecot.conf'),
    [
      `base_dir = ${root}/run`,
      `state_dir = ${root}/state`,
      'protocols = imap',
      `listen = 127.0.0.1`,
      `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n}`,
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      'default_login_user = dovenull',
      'default_internal_user = dovecot',
      `first_valid_uid = ${uid}`,
      `passdb {\n  driver = passwd-file\n  args = ${root}/passwd\n}`,
      `userdb {\n  driver = passwd-file\n  args = ${root}/passwd\n}`,
      `mail_location = maildir:${mail}/Maildir`,
      `log_path = ${root}/dovecot.log`,
      'ssl_client_ca_dir = /etc/ssl/certs',
    ].join('\n') + '\n'
  );
  const server = spawn('/usr/sbin/dovecot', ['-F', '-c', path.join(root, 'dovecot.conf')], {
    stdio: 'ignore',
  });
  await waitForPort(port, 'Dovecot');

  const client = async () => {
    const imap = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user: USER, pass: PASSWORD },
      logger: false,
    });
    await imap.connect();
    return imap;
  };

  return {
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    async append(raw) {
      const imap = await client();
      try {
        await imap.append('INBOX', Buffer.from(raw));
      } finally {
        await imap.logout();
      }
    },
    async messages() {
      const imap = await client();
      try {
        const lock = await imap.getMailboxLock('INBOX');
        try {
          const found: DovecotMessage[] = [];
          if ((imap.mailbox && imap.mailbox.exists) === 0) return found;
          for await (const message of imap.fetch('1:*', { uid: true, flags: true })) {
            found.push({ uid: message.uid, flags: [...(message.flags ?? [])].sort() });
          }
          return found.sort((a, b) => a.uid - b.uid);
        } finally {
          lock.release();
        }
      } finally {
        await imap.logout();
      }
    },
    async stop() {
      await new Promise((resolve) => {
        server.once('exit', resolve);
        server.kill('SIGTERM');
      });
      rmSync(root, { recursive: true, force: true });
    },
  };
};

const systemUser = (name: string) => {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) throw new Error(`No system user ${name}: install dovecot-imapd.`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
};
