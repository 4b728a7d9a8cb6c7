import { PAGE } from '../content-types/uids';
import { fieldError } from '../errors';
import { clinicAfterWrite } from './belongs-to-clinic';
import type { ContentRule } from './write-context';

/** A page belongs to one clinic, and its slug is unique within that clinic. */
export const pageRules: ContentRule = async (write) => {
  const { clinicDocumentId, source } = await clinicAfterWrite(write, PAGE);
  const slug = (write.data.slug ?? source?.slug) as string | undefined;
  if (!slug) return; // the schema reports a missing slug
  const taken = await write.strapi.documents(PAGE).findFirst({
    status: 'draft',
    fields: ['documentId'],
    filters: {
      slug,
      clinic: { documentId: clinicDocumentId },
      ...(write.selfDocumentId ? { documentId: { $ne: write.selfDocumentId } } : {}),
    },
  });
  if (taken) throw fieldError('slug', 'is already used by another page of this clinic', slug);
};
