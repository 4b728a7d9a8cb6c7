import { CLINIC, DOC_PAGE } from '../content-types/uids';
import { DOC_READER_ROLES } from '../docs/contracts';
import { fieldError } from '../errors';
import type { ContentRule } from './write-context';

const KNOWN_ROLES: ReadonlySet<string> = new Set(DOC_READER_ROLES);

/**
 * A doc page's readers must be said in a way the docs understand: `roles` is a list of known
 * role names, and a restricted page names roles or a clinic (else nobody could read it). The
 * slug's format, the audience's values and the lengths are the schema's, checked after this.
 */
export const docPageRules: ContentRule = async ({ strapi, data, sourceDocumentId }) => {
  const source = sourceDocumentId
    ? await strapi.documents(DOC_PAGE).findOne({
        documentId: sourceDocumentId,
        status: 'draft',
        fields: ['audience', 'roles', 'clinicDocumentId'],
      })
    : null;
  const after = (field: 'audience' | 'roles' | 'clinicDocumentId') =>
    field in data ? data[field] : source?.[field];

  const roles = after('roles');
  if (roles !== null && roles !== undefined) {
    if (!Array.isArray(roles) || roles.some((role) => typeof role !== 'string')) {
      throw fieldError('roles', 'must be a list of role names', roles);
    }
    const unknown = roles.find((role: string) => !KNOWN_ROLES.has(role));
    if (unknown !== undefined) {
      throw fieldError(
        'roles',
        `"${unknown}" is not a role (known: ${DOC_READER_ROLES.join(', ')})`,
        roles
      );
    }
  }

  const clinicDocumentId = after('clinicDocumentId');
  if (typeof clinicDocumentId === 'string' && clinicDocumentId !== '') {
    const clinic = await strapi.db
      .query(CLINIC)
      .findOne({ where: { documentId: clinicDocumentId }, select: ['id'] });
    if (!clinic) throw fieldError('clinicDocumentId', 'is not a clinic', clinicDocumentId);
  }

  if (after('audience') === 'restricted') {
    const hasRoles = Array.isArray(roles) && roles.length > 0;
    if (!hasRoles && !clinicDocumentId) {
      throw fieldError('roles', 'a restricted page must name roles or a clinic that may read it');
    }
  }
};
