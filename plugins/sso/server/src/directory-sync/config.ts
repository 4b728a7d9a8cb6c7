/**
 * Where the company directory is and how its entries map to the staff directory. Given in
 * `cms/config/plugins.ts` from the `ID_LDAP_*` variables; sync is off while `url` is empty.
 */
export interface DirectorySyncConfig {
  /** `ldap://host:389` or `ldaps://host:636`; empty: no sync. */
  url: string;
  bindDn: string;
  bindPassword: string;
  /** Where people are; with `departmentFrom: 'ou'` the OUs beneath it are the departments. */
  usersBase: string;
  userFilter: string;
  groupsBase: string;
  groupFilter: string;
  /** `ou`: the OU path of each person's DN; otherwise an attribute naming the department. */
  departmentFrom: string;
  attributes: {
    mail: string;
    givenName: string;
    surname: string;
    /** Becomes the person's position (created by title when new). */
    title: string;
    /** A value that never changes for a person: `entryUUID`, `employeeNumber`, `objectGUID`. */
    externalId: string;
  };
  /**
   * People this filter matches (ANDed with `userFilter`, evaluated by the directory) are
   * disabled: OpenLDAP's `(pwdAccountLockedTime=*)`, or Active Directory's
   * `(userAccountControl:1.2.840.113556.1.4.803:=2)`. Empty: only vanished people are.
   */
  disabledFilter: string;
  /** Cron rule of the scheduled sync (server time). */
  schedule: string;
  /** Connect and per-operation timeout. */
  timeoutMs: number;
}

export const DIRECTORY_SYNC_DEFAULTS: DirectorySyncConfig = {
  url: '',
  bindDn: '',
  bindPassword: '',
  usersBase: '',
  userFilter: '(objectClass=inetOrgPerson)',
  groupsBase: '',
  groupFilter: '(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))',
  departmentFrom: 'ou',
  attributes: {
    mail: 'mail',
    givenName: 'givenName',
    surname: 'sn',
    title: 'title',
    externalId: 'entryUUID',
  },
  disabledFilter: '(pwdAccountLockedTime=*)',
  schedule: '0 * * * *',
  timeoutMs: 10_000,
};

const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

/** A complete configuration from a partial one (blank values take the defaults). */
export const directorySyncConfig = (
  given: Partial<DirectorySyncConfig> | undefined
): DirectorySyncConfig => {
  const pick = <K extends keyof DirectorySyncConfig>(key: K) =>
    (given?.[key] === '' || given?.[key] === undefined
      ? DIRECTORY_SYNC_DEFAULTS[key]
      : given[key]) as DirectorySyncConfig[K];
  const attributes = Object.fromEntries(
    Object.entries(DIRECTORY_SYNC_DEFAULTS.attributes).map(([key, fallback]) => [
      key,
      (given?.attributes as Record<string, string> | undefined)?.[key] || fallback,
    ])
  ) as DirectorySyncConfig['attributes'];
  return {
    url: given?.url ?? '',
    bindDn: given?.bindDn ?? '',
    bindPassword: given?.bindPassword ?? '',
    usersBase: given?.usersBase ?? '',
    userFilter: pick('userFilter'),
    groupsBase: given?.groupsBase ?? '',
    groupFilter: pick('groupFilter'),
    departmentFrom: pick('departmentFrom'),
    attributes,
    // Blank is a choice here (no disabled filter), so only a missing value takes the default.
    disabledFilter: given?.disabledFilter ?? DIRECTORY_SYNC_DEFAULTS.disabledFilter,
    schedule: pick('schedule'),
    timeoutMs: Number(pick('timeoutMs')),
  };
};

const isFilter = (value: string) => value.startsWith('(') && value.endsWith(')');

/** Throws a `TypeError` naming the variable at fault; nothing is checked while sync is off. */
export const validateDirectorySyncConfig = (config: DirectorySyncConfig) => {
  if (!config.url) return;
  const fail = (variable: string, problem: string) => {
    throw new TypeError(`sso: directorySync (${variable}) ${problem}`);
  };
  if (!/^ldaps?:\/\/[^/]+\/?$/.test(config.url)) {
    fail('ID_LDAP_URL', 'must be ldap://host[:port] or ldaps://host[:port]');
  }
  if (!config.usersBase) fail('ID_LDAP_USERS_BASE', 'must name where people are');
  if (!isFilter(config.userFilter)) fail('ID_LDAP_USER_FILTER', 'must be an LDAP filter');
  if (!isFilter(config.groupFilter)) fail('ID_LDAP_GROUP_FILTER', 'must be an LDAP filter');
  if (config.disabledFilter && !isFilter(config.disabledFilter)) {
    fail('ID_LDAP_DISABLED_FILTER', 'must be an LDAP filter or empty');
  }
  if (config.departmentFrom !== 'ou' && !ATTRIBUTE_NAME.test(config.departmentFrom)) {
    fail('ID_LDAP_DEPARTMENT_FROM', 'must be "ou" or an attribute name');
  }
  for (const [key, name] of Object.entries(config.attributes)) {
    if (!ATTRIBUTE_NAME.test(name))
      fail(`ID_LDAP_ATTR_*`, `${key}: "${name}" is no attribute name`);
  }
  if (config.schedule.trim().split(/\s+/).length < 5) {
    fail('ID_LDAP_SYNC_CRON', 'must be a cron rule such as "0 * * * *"');
  }
  if (!(config.timeoutMs >= 1000 && config.timeoutMs <= 120_000)) {
    fail('ID_LDAP_TIMEOUT_MS', 'must be 1000–120000');
  }
};
