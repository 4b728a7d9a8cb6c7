import { Client, InvalidCredentialsError, type Entry } from 'ldapts';

import type { DirectorySyncConfig } from './config';
import { codeFrom } from './codes';
import { isBeneath, normaliseDn, parentDn, rdnsOf, rdnValue } from './dn';
import { DirectorySyncError } from './errors';
import {
  MANAGED_PREFIX,
  type DirectoryDepartment,
  type DirectoryGroup,
  type DirectoryPerson,
  type DirectorySnapshot,
} from './snapshot';

type Value = Entry[string];

const first = (value: Value | undefined): string | null => {
  const item = Array.isArray(value) ? value[0] : value;
  if (item === undefined) return null;
  // Binary ids (Active Directory's objectGUID) are compared as hex.
  const text = Buffer.isBuffer(item) ? item.toString('hex') : String(item);
  return text.trim() || null;
};

const all = (value: Value | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((item) =>
    Buffer.isBuffer(item) ? item.toString('utf8') : String(item)
  );

const BINARY_IDS = ['objectGUID', 'objectSid'];

/** One search, every entry (paged, so Active Directory's 1000-entry limit is no limit). */
const searchAll = async (client: Client, base: string, filter: string, attributes: string[]) => {
  try {
    const { searchEntries } = await client.search(base, {
      scope: 'sub',
      filter,
      attributes,
      paged: { pageSize: 500 },
      explicitBufferAttributes: attributes.filter((name) => BINARY_IDS.includes(name)),
    });
    return searchEntries;
  } catch (error) {
    throw new DirectorySyncError(
      'ERR_DIRECTORY_SEARCH',
      `The directory refused the search under "${base}" with ${filter}: ${(error as Error).message}`,
      { cause: error }
    );
  }
};

const connectAndBind = async (config: DirectorySyncConfig) => {
  const client = new Client({
    url: config.url,
    timeout: config.timeoutMs,
    connectTimeout: config.timeoutMs,
  });
  try {
    await client.bind(config.bindDn, config.bindPassword);
    return client;
  } catch (error) {
    await client.unbind().catch(() => undefined);
    if (error instanceof InvalidCredentialsError) {
      throw new DirectorySyncError(
        'ERR_DIRECTORY_BIND',
        `The directory refused the bind DN "${config.bindDn}" and its password (ID_LDAP_BIND_DN, ID_LDAP_BIND_PASSWORD)`,
        { cause: error }
      );
    }
    throw new DirectorySyncError(
      'ERR_DIRECTORY_UNREACHABLE',
      `The directory at ${config.url} could not be reached: ${(error as Error).message}`,
      { cause: error }
    );
  }
};

/** Departments from the OUs beneath the users base: one per OU, parents before children. */
const departmentsFromOus = (ous: Entry[], usersBase: string) => {
  const byDn = new Map<string, Entry>();
  for (const ou of ous) {
    if (isBeneath(ou.dn, usersBase)) byDn.set(normaliseDn(ou.dn), ou);
  }
  const idOf = (dn: string) => MANAGED_PREFIX + (first(byDn.get(dn)?.entryUUID) ?? dn);
  const departments: DirectoryDepartment[] = [...byDn.entries()]
    // Shallower DNs first: a parent is always planned before its children.
    .sort(([a], [b]) => rdnsOf(a).length - rdnsOf(b).length || a.localeCompare(b))
    .map(([dn, entry]) => {
      const ou = rdnValue(rdnsOf(entry.dn)[0]);
      const parent = parentDn(dn);
      return {
        externalId: idOf(dn),
        name: (first(entry.description) ?? ou).slice(0, 120),
        codeHint: codeFrom(ou),
        parent: byDn.has(parent) ? idOf(parent) : null,
      };
    });
  /** The department of a person: the OU their entry sits in, if it is one. */
  const of = (personDn: string) => {
    const parent = parentDn(personDn);
    return byDn.has(parent) ? idOf(parent) : null;
  };
  return { departments, of };
};

/**
 * Reads the company directory: people (with whether each is disabled), groups with their
 * members, and departments (from OUs or an attribute). Binds as the configured account; a
 * refused bind or an unreachable server is a `DirectorySyncError`.
 */
export const readDirectory = async (config: DirectorySyncConfig): Promise<DirectorySnapshot> => {
  const client = await connectAndBind(config);
  try {
    const { attributes: names } = config;
    const byOu = config.departmentFrom === 'ou';
    const personAttributes = [
      names.mail,
      names.givenName,
      names.surname,
      names.title,
      names.externalId,
      'cn',
      'displayName',
      ...(byOu ? [] : [config.departmentFrom]),
    ];
    const [people, disabled, groups, ous] = await Promise.all([
      searchAll(client, config.usersBase, config.userFilter, personAttributes),
      config.disabledFilter
        ? searchAll(client, config.usersBase, `(&${config.userFilter}${config.disabledFilter})`, [
            '1.1',
          ])
        : Promise.resolve([]),
      config.groupsBase
        ? searchAll(client, config.groupsBase, config.groupFilter, [
            'cn',
            'description',
            'member',
            'uniqueMember',
            'entryUUID',
          ])
        : Promise.resolve([]),
      byOu
        ? searchAll(client, config.usersBase, '(objectClass=organizationalUnit)', [
            'ou',
            'description',
            'entryUUID',
          ])
        : Promise.resolve([]),
    ]);

    const disabledDns = new Set(disabled.map((entry) => normaliseDn(entry.dn)));
    const skipped: DirectorySnapshot['skipped'] = [];
    const ouTree = departmentsFromOus(ous, config.usersBase);
    const attributeDepartments = new Map<string, DirectoryDepartment>();

    const persons: DirectoryPerson[] = [];
    for (const entry of people) {
      const id = first(entry[names.externalId]);
      const email = first(entry[names.mail])?.toLowerCase();
      if (!id) {
        skipped.push({ key: entry.dn, code: 'no-external-id', reason: `no ${names.externalId}` });
        continue;
      }
      if (!email || !email.includes('@')) {
        skipped.push({ key: entry.dn, code: 'no-mail', reason: `no ${names.mail}` });
        continue;
      }
      const given = first(entry[names.givenName]);
      const surname = first(entry[names.surname]);
      const fullName =
        first(entry.displayName) ??
        ([given, surname].filter(Boolean).join(' ') || first(entry.cn) || email);
      let department: string | null;
      if (byOu) department = ouTree.of(entry.dn);
      else {
        const value = first(entry[config.departmentFrom]);
        department = value ? `${MANAGED_PREFIX}${config.departmentFrom}=${value}` : null;
        if (value && department && !attributeDepartments.has(department)) {
          attributeDepartments.set(department, {
            externalId: department,
            name: value.slice(0, 120),
            codeHint: codeFrom(value),
            parent: null,
          });
        }
      }
      persons.push({
        externalId: MANAGED_PREFIX + id,
        dn: normaliseDn(entry.dn),
        email,
        fullName: fullName.slice(0, 120),
        title: first(entry[names.title])?.slice(0, 120) ?? null,
        department,
        disabled: disabledDns.has(normaliseDn(entry.dn)),
      });
    }

    const directoryGroups: DirectoryGroup[] = groups.map((entry) => {
      const cn = first(entry.cn) ?? rdnValue(rdnsOf(entry.dn)[0]);
      return {
        externalId: MANAGED_PREFIX + (first(entry.entryUUID) ?? normaliseDn(entry.dn)),
        name: (first(entry.description) ?? cn).slice(0, 120),
        codeHint: codeFrom(cn),
        memberDns: [...all(entry.member), ...all(entry.uniqueMember)].map(normaliseDn),
      };
    });

    return {
      departments: byOu ? ouTree.departments : [...attributeDepartments.values()],
      people: persons,
      groups: directoryGroups,
      skipped,
    };
  } finally {
    await client.unbind().catch(() => undefined);
  }
};
