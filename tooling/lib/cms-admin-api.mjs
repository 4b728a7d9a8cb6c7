/**
 * The admin panel's API of a running CMS, as an editor's browser calls it: for tests and
 * benchmarks that drive a CMS in another process (a cluster's nodes, a bench target).
 */

/**
 * An admin-panel token of `admin` at the CMS at `baseUrl`.
 * @param {string} baseUrl
 * @param {{ email: string, password: string }} admin
 * @returns {Promise<string>}
 */
export const signInAdmin = async (baseUrl, admin) => {
  const login = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
    signal: AbortSignal.timeout(10_000),
  });
  if (login.status !== 200) throw new Error(`Admin login at ${baseUrl}: ${login.status}`);
  return (await login.json()).data.token;
};

/**
 * Publishes a clinic through the content manager, as the panel's "Publish" does: a new clinic
 * named `name` whose slug and subdomain are `slug`, or, with `documentId`, that clinic renamed.
 * The answer is the caller's to check.
 * @param {string} baseUrl
 * @param {string} token from {@link signInAdmin}
 * @param {{ name: string, slug?: string, documentId?: string }} clinic
 * @returns {Promise<Response>}
 */
export const publishClinic = (baseUrl, token, { name, slug, documentId }) =>
  fetch(
    `${baseUrl}/content-manager/collection-types/api::clinic.clinic${documentId ? `/${documentId}` : ''}/actions/publish`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(
        documentId
          ? { name }
          : {
              name,
              slug,
              subdomain: slug,
              city: 'Москва',
              address: 'ул. Пример, д. 1',
              accountStatus: 'active',
            }
      ),
      signal: AbortSignal.timeout(10_000),
    }
  );
