import type { Core, UID } from '@strapi/strapi';

/** A reference to one entry as the Document Service accepts it in relation input. */
type EntryReference = string | number | { documentId?: string; id?: number };

type RelationInput =
  | null
  | EntryReference
  | EntryReference[]
  | { set?: EntryReference[]; connect?: EntryReference[]; disconnect?: EntryReference[] };

const isReference = (value: unknown): value is EntryReference =>
  typeof value === 'string' ||
  typeof value === 'number' ||
  (typeof value === 'object' && value !== null && ('documentId' in value || 'id' in value));

const toDocumentId = async (
  strapi: Core.Strapi,
  target: UID.ContentType,
  reference: EntryReference
): Promise<string | null> => {
  if (typeof reference === 'string') return reference;
  if (typeof reference === 'object' && reference.documentId) return reference.documentId;
  const id = typeof reference === 'number' ? reference : reference.id;
  if (id === undefined) return null;
  const row = await strapi.db.query(target).findOne({ where: { id }, select: ['documentId'] });
  return row?.documentId ?? null;
};

/**
 * Works out which entry a to-one relation points at after a write, whatever shape the caller
 * used (a document id, `{ connect }`, `{ set }`, `{ disconnect }`, ...).
 * Returns `undefined` when the input leaves the relation as it was.
 */
export const resolveToOneRelation = async (
  strapi: Core.Strapi,
  target: UID.ContentType,
  input: unknown,
  current: string | null
): Promise<string | null | undefined> => {
  if (input === undefined) return undefined;
  if (input === null) return null;
  const relation = input as RelationInput;
  if (isReference(relation)) return toDocumentId(strapi, target, relation);
  if (Array.isArray(relation)) {
    const last = relation[relation.length - 1];
    return last === undefined ? null : toDocumentId(strapi, target, last);
  }
  if (typeof relation !== 'object' || relation === null) return undefined;
  if (relation.set) return resolveToOneRelation(strapi, target, relation.set, current);
  if (relation.connect && relation.connect.length > 0) {
    return toDocumentId(strapi, target, relation.connect[relation.connect.length - 1]);
  }
  if (relation.disconnect && current) {
    const removed = await Promise.all(
      relation.disconnect.map((reference) => toDocumentId(strapi, target, reference))
    );
    if (removed.includes(current)) return null;
  }
  return undefined;
};
