import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freeLoopbackPort } from '../lib/free-port.mjs';
import { waitForPort } from './wait-for-port';

export const SLAPD_SUFFIX = 'dc=vixenhealth,dc=test';
const ROOT_DN = `cn=admin,${SLAPD_SUFFIX}`;
const ROOT_PASSWORD = 'slapd-root-test-password';

/** The read-only account ID binds as, seeded under `ou=services`. */
export const SLAPD_SYNC_ACCOUNT = {
  dn: `cn=id-sync,ou=services,${SLAPD_SUFFIX}`,
  password: 'id-sync-test-password',
};

export interface Slapd {
  /** `ldap://127.0.0.1:<port>` */
  url: string;
  /** The `ID_LDAP_*` variables that point ID's directory sync at this server. */
  env: Record<string, string>;
  /** Applies an LDIF of changes (`changetype: modify`, `moddn`, `add`…) as the root DN. */
  change(ldif: string): void;
  stop(): Promise<void>;
}

/**
 * A small company directory: departments as OUs (operations → support, engineering), four
 * people (one directly under `ou=people`, one locked by the password policy overlay, as
 * OpenLDAP marks a disabled account), and two groups of both kinds (`groupOfNames`,
 * `groupOfUniqueNames`).
 */
const SEED = (password: string) => `
dn: ${SLAPD_SUFFIX}
objectClass: dcObject
objectClass: organization
dc: vixenhealth
o: VixenHealth

dn: ou=services,${SLAPD_SUFFIX}
objectClass: organizationalUnit
ou: services

dn: ${SLAPD_SYNC_ACCOUNT.dn}
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: id-sync
userPassword: ${password}

dn: ou=people,${SLAPD_SUFFIX}
objectClass: organizationalUnit
ou: people

dn: ou=operations,ou=people,${SLAPD_SUFFIX}
objectClass: organizationalUnit
ou: operations
description: Операции

dn: ou=support,ou=operations,ou=people,${SLAPD_SUFFIX}
objectClass: organizationalUnit
ou: support
description: Поддержка

dn: ou=engineering,ou=people,${SLAPD_SUFFIX}
objectClass: organizationalUnit
ou: engineering
description: Разработка

dn: uid=anna,ou=support,ou=operations,ou=people,${SLAPD_SUFFIX}
objectClass: inetOrgPerson
uid: anna
cn: Анна Кузнецова
givenName: Анна
sn: Кузнецова
mail: Anna.Kuznetsova@vixenhealth.test
title: Оператор поддержки
employeeNumber: 1001
departmentNumber: 10

dn: uid=boris,ou=engineering,ou=people,${SLAPD_SUFFIX}
objectClass: inetOrgPerson
uid: boris
cn: Борис Орлов
givenName: Борис
sn: Орлов
mail: boris.orlov@vixenhealth.test
title: Инженер
employeeNumber: 1002
departmentNumber: 20

dn: uid=vera,ou=engineering,ou=people,${SLAPD_SUFFIX}
objectClass: inetOrgPerson
uid: vera
cn: Вера Смирнова
givenName: Вера
sn: Смирнова
mail: vera.smirnova@vixenhealth.test
title: Инженер
employeeNumber: 1003
departmentNumber: 20
pwdAccountLockedTime: 000001010000Z

dn: uid=gleb,ou=people,${SLAPD_SUFFIX}
objectClass: inetOrgPerson
uid: gleb
cn: Глеб Павлов
givenName: Глеб
sn: Павлов
mail: gleb.pavlov@vixenhealth.test
title: Директор
employeeNumber: 1004

dn: ou=groups,${SLAPD_SUFFIX}
objectClass: organizationalUnit
ou: groups

dn: cn=support-agents,ou=groups,${SLAPD_SUFFIX}
objectClass: groupOfNames
cn: support-agents
description: Операторы поддержки
member: uid=anna,ou=support,ou=operations,ou=people,${SLAPD_SUFFIX}

dn: cn=engineers,ou=groups,${SLAPD_SUFFIX}
objectClass: groupOfUniqueNames
cn: engineers
uniqueMember: uid=boris,ou=engineering,ou=people,${SLAPD_SUFFIX}
uniqueMember: uid=vera,ou=engineering,ou=people,${SLAPD_SUFFIX}
`;

const ldapClientTool = (tool: 'ldapadd' | 'ldapmodify', url: string, ldif: string) =>
  execFileSync(tool, ['-x', '-H', url, '-D', ROOT_DN, '-w', ROOT_PASSWORD], {
    input: ldif,
    stdio: ['pipe', 'ignore', 'pipe'],
  });

/**
 * A real OpenLDAP server (Debian's slapd) on 127.0.0.1, with an mdb database and the password
 * policy overlay in a temp dir, seeded with a small company directory. Stop it in `afterAll`.
 */
export const startSlapd = async (): Promise<Slapd> => {
  const root = mkdtempSync(path.join(tmpdir(), 'vh-slapd-'));
  const data = path.join(root, 'data');
  mkdirSync(data);
  const port = await freeLoopbackPort();
  const url = `ldap://127.0.0.1:${port}`;
  const hash = (secret: string) =>
    execFileSync('/usr/sbin/slappasswd', ['-s', secret], { encoding: 'utf8' }).trim();
  const config = path.join(root, 'slapd.conf');
  writeFileSync(
    config,
    [
      ...['core', 'cosine', 'inetorgperson', 'nis'].map(
        (schema) => `include /etc/ldap/schema/${schema}.schema`
      ),
      `pidfile ${root}/slapd.pid`,
      `argsfile ${root}/slapd.args`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      // The password policy overlay defines pwdAccountLockedTime, OpenLDAP's "account disabled".
      'moduleload ppolicy',
      'database mdb',
      'maxsize 16777216',
      `suffix "${SLAPD_SUFFIX}"`,
      `rootdn "${ROOT_DN}"`,
      `rootpw ${hash(ROOT_PASSWORD)}`,
      `directory ${data}`,
      'overlay ppolicy',
      'access to attrs=userPassword by anonymous auth by * none',
      'access to * by users read by * none',
    ].join('\n') + '\n'
  );
  // slapd forks into the background unless debugging: `-d 0` keeps it our child, quiet.
  const server = spawn('/usr/sbin/slapd', ['-h', `${url}/`, '-f', config, '-d', '0'], {
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  await waitForPort(port, 'slapd');
  ldapClientTool('ldapadd', url, SEED(hash(SLAPD_SYNC_ACCOUNT.password)));

  return {
    url,
    env: {
      ID_LDAP_URL: url,
      ID_LDAP_BIND_DN: SLAPD_SYNC_ACCOUNT.dn,
      ID_LDAP_BIND_PASSWORD: SLAPD_SYNC_ACCOUNT.password,
      ID_LDAP_USERS_BASE: `ou=people,${SLAPD_SUFFIX}`,
      ID_LDAP_GROUPS_BASE: `ou=groups,${SLAPD_SUFFIX}`,
    },
    change(ldif) {
      ldapClientTool('ldapmodify', url, ldif);
    },
    async stop() {
      if (server.exitCode === null) server.kill('SIGTERM');
      await exited;
      rmSync(root, { recursive: true, force: true });
    },
  };
};
