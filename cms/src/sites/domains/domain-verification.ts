import { randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { requireOwner } from '../../cabinet/clinic-access';
import { CLINIC } from '../../content-types/uids';
import {
  CLINIC_SITE_CHANGED,
  type ClinicAccess,
  type DeployRequest,
  type DomainCheckResult,
  type DomainStatus,
  type DomainVerification,
} from '../../contracts';
import { fieldError, notAllowed } from '../../errors';
import { syncClinicDomainClient } from '../../identity/clinic-domain-clients';
import { lookUpRecord, verificationRecord } from './domain-record';

interface DomainRow {
  documentId: string;
  customDomain: string | null;
  verifiedDomain: string | null;
  domainToken: string | null;
  domainStatus: DomainStatus | null;
  domainCheckResult: DomainCheckResult | null;
  domainVerifiedAt: string | null;
  domainCheckedAt: string | null;
}

const DOMAIN_FIELDS = [
  'documentId',
  'customDomain',
  'verifiedDomain',
  'domainToken',
  'domainStatus',
  'domainCheckResult',
  'domainVerifiedAt',
  'domainCheckedAt',
];

/** The state of a domain nobody has proven yet. */
export const UNVERIFIED = {
  verifiedDomain: null,
  domainStatus: 'unverified',
  domainCheckResult: null,
  domainVerifiedAt: null,
  domainCheckedAt: null,
} as const;

/** The clinic's draft, where the owners name the domain. */
export const domainRowOf = (strapi: Core.Strapi, documentId: string) =>
  strapi.db.query(CLINIC).findOne({
    where: { documentId, publishedAt: null },
    select: DOMAIN_FIELDS,
  }) as Promise<DomainRow | null>;

/**
 * The domain's state is the clinic's, not a version's: written to the draft and the published
 * version alike, so the public sees a domain exactly while it is verified.
 */
const writeDomainState = (strapi: Core.Strapi, documentId: string, data: Record<string, unknown>) =>
  strapi.db.query(CLINIC).updateMany({ where: { documentId }, data });

/**
 * What follows when the domain the public may use changes: the clinic's own ID client follows
 * it (or is disabled), and the static site is relinked.
 */
export const domainUseChanged = async (strapi: Core.Strapi, documentId: string, reason: string) => {
  await syncClinicDomainClient(strapi, documentId);
  strapi.eventHub.emit(CLINIC_SITE_CHANGED, {
    clinicDocumentId: documentId,
    reason,
  } satisfies DeployRequest);
};

/** The clinic's token, made the first time it is needed: random, one per clinic. */
const withToken = async (strapi: Core.Strapi, row: DomainRow): Promise<DomainRow> => {
  if (row.domainToken) return row;
  const domainToken = randomBytes(16).toString('hex');
  await writeDomainState(strapi, row.documentId, { domainToken });
  return { ...row, domainToken };
};

const describe = (row: DomainRow): DomainVerification => ({
  domain: row.customDomain,
  status: row.domainStatus ?? 'unverified',
  record:
    row.customDomain && row.domainToken
      ? verificationRecord(row.customDomain, row.domainToken)
      : null,
  lastCheck:
    row.domainCheckedAt && row.domainCheckResult
      ? { at: new Date(row.domainCheckedAt).toISOString(), result: row.domainCheckResult }
      : null,
  verifiedAt: row.domainVerifiedAt ? new Date(row.domainVerifiedAt).toISOString() : null,
});

/** Whether another clinic holds `domain` verified: several clinics may name it, one may hold it. */
const heldElsewhere = async (strapi: Core.Strapi, row: DomainRow) => {
  // Versions of one clinic share its documentId: its own draft and published rows do not count.
  const holder = await strapi.db.query(CLINIC).findOne({
    where: { verifiedDomain: row.customDomain, documentId: { $ne: row.documentId } },
    select: ['id'],
  });
  return holder !== null;
};

/**
 * Checks the domain the clinic names and records what DNS said. Found: verified (the date of the
 * first proof is kept), unless another clinic holds the domain verified: then this clinic holds
 * it no more, and the refusal says so. Missing: a verified domain is lost, and used for nothing
 * from now on. No answer from DNS proves nothing either way: the state stays.
 * @throws PolicyError (`domain-verified-elsewhere`) when another clinic holds the domain.
 */
const checkDomain = async (strapi: Core.Strapi, row: DomainRow) => {
  if (!row.customDomain || !row.domainToken) return;
  const result = await lookUpRecord(verificationRecord(row.customDomain, row.domainToken));
  const now = new Date();
  const was = row.domainStatus ?? 'unverified';
  // Two clinics proving one domain at once are answered in turn, the second seeing the first's
  // proof: every clinic naming the domain is locked first (PostgreSQL; SQLite writes one
  // transaction at a time).
  const { status, takenBy } = await strapi.db.transaction(async ({ trx }) => {
    if (result === 'found' && strapi.db.dialect.client === 'postgres') {
      await trx(strapi.db.metadata.get(CLINIC).tableName)
        .where({ custom_domain: row.customDomain })
        .forUpdate()
        .select('id');
    }
    let status: DomainStatus = was;
    const takenBy = result === 'found' && (await heldElsewhere(strapi, row));
    if (result === 'found' && !takenBy) status = 'verified';
    else if ((result === 'missing' || takenBy) && was === 'verified') status = 'lost';
    await writeDomainState(strapi, row.documentId, {
      domainStatus: status,
      domainCheckResult: result,
      domainCheckedAt: now,
      verifiedDomain: status === 'verified' ? row.customDomain : null,
      domainVerifiedAt: status === 'verified' ? (row.domainVerifiedAt ?? now) : null,
    });
    return { status, takenBy };
  });
  const verifiedDomain = status === 'verified' ? row.customDomain : null;
  if (verifiedDomain !== row.verifiedDomain) {
    await domainUseChanged(
      strapi,
      row.documentId,
      verifiedDomain ? 'domain verified' : 'domain lost'
    );
  }
  if (takenBy) {
    throw notAllowed(
      'domain-verified-elsewhere',
      'Another clinic has verified this domain; a domain serves one clinic'
    );
  }
};

const draftOf = async (strapi: Core.Strapi, access: ClinicAccess) => {
  requireOwner(access, "manage the clinic's own domain");
  const row = await domainRowOf(strapi, access.clinic.documentId);
  // clinicAccess has just read this draft.
  return withToken(strapi, row as DomainRow);
};

/** The clinic's domain, what proves it, and where the proof stands (owners only). */
export const readDomainVerification = async (strapi: Core.Strapi, access: ClinicAccess) =>
  describe(await draftOf(strapi, access));

/**
 * Checks the clinic's domain now, as its owners ask once they have published the record.
 * @throws ValidationError (`customDomain`) when the clinic names no domain; PolicyError
 *   (`domain-verified-elsewhere`) when another clinic holds it verified.
 */
export const checkDomainNow = async (strapi: Core.Strapi, access: ClinicAccess) => {
  const row = await draftOf(strapi, access);
  if (!row.customDomain) throw fieldError('customDomain', "name the clinic's own domain first");
  await checkDomain(strapi, row);
  return describe((await domainRowOf(strapi, row.documentId)) as DomainRow);
};

/** Checks every verified domain again: one whose record is gone is verified no more. */
export const recheckVerifiedDomains = async (strapi: Core.Strapi) => {
  const rows = (await strapi.db.query(CLINIC).findMany({
    where: { publishedAt: null, domainStatus: 'verified' },
    select: DOMAIN_FIELDS,
  })) as DomainRow[];
  for (const row of rows) {
    try {
      await checkDomain(strapi, row);
    } catch (error) {
      // A clinic refused here has lost the domain (recorded); the others are still checked.
      if (!(error instanceof errors.PolicyError)) throw error;
    }
  }
};
