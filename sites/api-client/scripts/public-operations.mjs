/**
 * Which content API operations anyone may call, as the CMS decides it: routes with
 * `auth: false`, and routes whose action the users-permissions `public` role holds.
 */

/** A route's key in an OpenAPI description, as Strapi's generator writes its paths. */
const operationKey = (/** @type {string} */ method, /** @type {string} */ path) =>
  `${method.toLowerCase()} ${path.replace(/:([^/]+)/g, '{$1}')}`;

/**
 * The content API's routes with the paths Strapi's generator gives them (a plugin's under its
 * prefix); the generator's own route list is not exported.
 * @param {any} strapi
 * @returns {{ method: string, path: string, handler: unknown, config?: { auth?: unknown }, uidPrefix: string }[]}
 */
const contentApiRoutes = (strapi) => [
  ...Object.entries(strapi.apis).flatMap(([name, api]) =>
    Object.values(/** @type {any} */ (api).routes).flatMap((/** @type {any} */ router) =>
      router.routes.map((/** @type {any} */ route) => ({ ...route, uidPrefix: `api::${name}` }))
    )
  ),
  ...Object.entries(strapi.plugins).flatMap(([name, plugin]) => {
    const { routes } = /** @type {any} */ (plugin);
    const routers = Array.isArray(routes) ? [{ routes }] : Object.values(routes);
    return routers.flatMap((/** @type {any} */ router) =>
      router.routes.map((/** @type {any} */ route) => {
        const ownPrefix = route.config && Object.hasOwn(route.config, 'prefix');
        const prefix = (ownPrefix ? route.config.prefix : router.prefix) ?? '';
        const path = `${prefix}${route.path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
        return { ...route, path, uidPrefix: `plugin::${name}` };
      })
    );
  }),
];

/** The permission a route's handler is checked against (`api::clinic.clinic.find`). */
const actionOf = (/** @type {unknown} */ handler, /** @type {string} */ uidPrefix) =>
  typeof handler !== 'string' ? null : handler.includes('::') ? handler : `${uidPrefix}.${handler}`;

/**
 * The keys (`get /clinics`) of the operations anyone may call.
 * @param {any} strapi
 * @returns {Promise<Set<string>>}
 */
export const publicOperations = async (strapi) => {
  const permissions = await strapi.db.query('plugin::users-permissions.permission').findMany({
    where: { role: { type: 'public' } },
    select: ['action'],
  });
  const publicActions = new Set(permissions.map((/** @type {any} */ { action }) => action));
  return new Set(
    contentApiRoutes(strapi)
      .filter(
        (route) =>
          route.config?.auth === false ||
          publicActions.has(actionOf(route.handler, route.uidPrefix))
      )
      .map((route) => operationKey(route.method, route.path))
  );
};

/**
 * The description with each public operation saying so: a token is optional (`{}`). Readers
 * and tools (the docs' «try it») learn from it which calls need no sign-in.
 * @param {Record<string, any>} paths
 * @param {Set<string>} publicKeys
 * @returns {Record<string, any>}
 */
export const withPublicSecurity = (paths, publicKeys) =>
  Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([method, operation]) => [
          method,
          publicKeys.has(`${method} ${path}`)
            ? { ...operation, security: [{}, { bearerAuth: [] }] }
            : operation,
        ])
      ),
    ])
  );
