import type { Core, UID } from '@strapi/strapi';

import { withVisibility } from './visibility-rules';

type PopulateObject = Record<string, unknown>;

/** What the read rules need of a content type's or component's attribute. */
export interface SchemaAttribute {
  type: string;
  target?: string;
  component?: string;
  components?: string[];
  private?: boolean;
}

const POPULATABLE = new Set(['relation', 'media', 'component', 'dynamiczone']);

/** `a.b,c` or `['a.b', 'c']` as the nested object form `{ a: { populate: { b: true } }, c: true }`. */
const fromPaths = (paths: string[]): PopulateObject => {
  const tree: PopulateObject = {};
  for (const path of paths) {
    const [head, ...rest] = path.split('.');
    if (!head) continue;
    if (rest.length === 0) {
      tree[head] ??= true;
      continue;
    }
    const branch = typeof tree[head] === 'object' ? (tree[head] as PopulateObject) : {};
    const nested = typeof branch.populate === 'object' ? (branch.populate as PopulateObject) : {};
    branch.populate = { ...nested, ...fromPaths([rest.join('.')]) };
    tree[head] = branch;
  }
  return tree;
};

/** The attributes of a content type or a component, by uid. */
export const schemaOf = (strapi: Core.Strapi, uid: string) =>
  (strapi.contentTypes[uid as UID.ContentType] ?? strapi.components[uid as UID.Component]) as
    { attributes: Record<string, SchemaAttribute> } | undefined;

/**
 * Rewrites a Content API `populate` so that related entries obey the same visibility rules as
 * top-level ones: populating a doctor's clinics never reveals a suspended clinic.
 */
export const restrictPopulate = (strapi: Core.Strapi, uid: string, populate: unknown): unknown => {
  const schema = schemaOf(strapi, uid);
  if (!schema || populate === undefined || populate === null || populate === false) return populate;

  let tree: PopulateObject;
  if (populate === '*' || populate === true) {
    tree = Object.fromEntries(
      Object.entries(schema.attributes)
        // Private relations would be stripped from the answer anyway; don't load them at all.
        .filter(([, attribute]) => POPULATABLE.has(attribute.type) && !attribute.private)
        .map(([name]) => [name, true])
    );
  } else if (typeof populate === 'string') {
    tree = fromPaths(populate.split(','));
  } else if (Array.isArray(populate)) {
    tree = fromPaths(populate.map(String));
  } else if (typeof populate === 'object') {
    tree = populate as PopulateObject;
  } else {
    return populate;
  }

  return Object.fromEntries(
    Object.entries(tree).map(([name, value]) => {
      const attribute = schema.attributes[name];
      return [name, attribute ? restrictAttribute(strapi, attribute, value) : value];
    })
  );
};

const restrictAttribute = (
  strapi: Core.Strapi,
  attribute: SchemaAttribute,
  value: unknown
): unknown => {
  if (value === false) return value;
  const options: PopulateObject =
    value && typeof value === 'object' ? { ...(value as PopulateObject) } : {};
  const wholeLevel = value === true || value === '*';

  if (attribute.type === 'relation' && attribute.target) {
    options.filters = withVisibility(attribute.target, options.filters);
    if (options.populate !== undefined) {
      options.populate = restrictPopulate(strapi, attribute.target, options.populate);
    }
    return options;
  }
  if (attribute.type === 'component' && attribute.component && !wholeLevel) {
    if (options.populate !== undefined) {
      options.populate = restrictPopulate(strapi, attribute.component, options.populate);
    }
    return options;
  }
  if (attribute.type === 'dynamiczone' && options.on && typeof options.on === 'object') {
    options.on = Object.fromEntries(
      Object.entries(options.on as PopulateObject).map(([component, fragment]) => [
        component,
        restrictFragment(strapi, component, fragment),
      ])
    );
    return options;
  }
  return value;
};

/** One component's populate inside a dynamic zone's `on`. */
const restrictFragment = (strapi: Core.Strapi, component: string, fragment: unknown): unknown => {
  if (!fragment || typeof fragment !== 'object') return fragment;
  const options = fragment as PopulateObject;
  if (options.populate === undefined) return options;
  return { ...options, populate: restrictPopulate(strapi, component, options.populate) };
};
