import type { Core, UID } from '@strapi/strapi';

import { RATING_SUMMARY, REVIEW, UPLOAD_FILE } from '../content-types/uids';
import { schemaOf } from '../public-content/restrict-populate';

/** What a type's answers are computed from besides its relations: reviews' rating summaries. */
const ALSO_READS: Readonly<Record<string, readonly string[]>> = {
  [REVIEW]: [RATING_SUMMARY],
};

/**
 * The content types whose change could alter an answer about `uid`: the type itself and every
 * type reachable through its public relations, media and components, however deep (a populate
 * may follow any of them, and visibility rules read related clinics). A change of any of them
 * purges the answer: coarser than per document, but never stale.
 */
export const answerTags = (strapi: Core.Strapi, uid: UID.ContentType): string[] => {
  const found = new Set<string>();
  const visitedComponents = new Set<string>();

  const visit = (schema: ReturnType<typeof schemaOf>) => {
    for (const attribute of Object.values(schema?.attributes ?? {})) {
      if (attribute.private) continue;
      if (attribute.type === 'relation' && attribute.target) addType(attribute.target);
      else if (attribute.type === 'media') addType(UPLOAD_FILE);
      else if (attribute.type === 'component' && attribute.component) {
        addComponent(attribute.component);
      } else if (attribute.type === 'dynamiczone') {
        for (const component of attribute.components ?? []) addComponent(component);
      }
    }
  };
  const addType = (type: string) => {
    if (found.has(type)) return;
    found.add(type);
    for (const also of ALSO_READS[type] ?? []) addType(also);
    // A file's own relations (folders, the entries using it) never change what the API shows.
    if (type !== UPLOAD_FILE) visit(schemaOf(strapi, type));
  };
  const addComponent = (component: string) => {
    if (visitedComponents.has(component)) return;
    visitedComponents.add(component);
    visit(schemaOf(strapi, component));
  };

  addType(uid);
  return [...found].sort();
};
