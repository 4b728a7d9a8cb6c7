import type { Core, UID } from '@strapi/strapi';

/** A create, update or clone that a content rule checks before anything is written. */
export interface WriteContext {
  strapi: Core.Strapi;
  /** The data being written; rules may normalise it in place. */
  data: Record<string, unknown>;
  /** The document being updated or cloned; absent on create. */
  sourceDocumentId?: string;
  /** The document whose own values never count as a conflict (the one being updated). */
  selfDocumentId?: string;
}

export type ContentRule = (write: WriteContext) => Promise<void>;

export const WRITE_ACTIONS = new Set(['create', 'update', 'clone']);

/** The draft of the document a write starts from, with the relation the rule needs. */
export const loadSource = async (
  write: WriteContext,
  uid: UID.ContentType,
  relation: string
): Promise<{ relationDocumentId: string | null; values: Record<string, unknown> } | null> => {
  if (!write.sourceDocumentId) return null;
  const source = (await write.strapi.documents(uid).findOne({
    documentId: write.sourceDocumentId,
    status: 'draft',
    populate: { [relation]: { fields: ['documentId'] } },
  })) as Record<string, unknown> | null;
  if (!source) return null;
  const related = source[relation] as { documentId?: string } | null | undefined;
  return { relationDocumentId: related?.documentId ?? null, values: source };
};
