import { randomBytes } from 'node:crypto';

/** The public list every clinic site reads, all clinics on one page. */
export const CLINICS_LIST = '/api/clinics?pagination[pageSize]=100';

const CLINICS_ADMIN = '/content-manager/collection-types/api::clinic.clinic';

/**
 * An admin-panel token of `admin` at the CMS at `url`, for its admin API.
 * @param {string} url
 * @param {{ email: string, password: string }} admin
 * @returns {Promise<string>}
 */
export const signInAdmin = async (url, admin) => {
  const login = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
    signal: AbortSignal.timeout(10_000),
  });
  if (!login.ok) throw new Error(`admin login: ${login.status}`);
  return (await login.json()).data.token;
};

/**
 * Creates and publishes a clinic named `name` as an editor does, through the content manager.
 * @param {string} url
 * @param {string} token from {@link signInAdmin}
 * @param {string} name
 */
export const publishClinic = async (url, token, name) => {
  const key = randomBytes(4).toString('hex');
  const answer = await fetch(`${url}${CLINICS_ADMIN}/actions/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      name,
      slug: `bench-${key}`,
      subdomain: `bench-${key}`,
      city: 'Москва',
      address: 'ул. Пример, д. 1',
      accountStatus: 'active',
    }),
    signal: AbortSignal.timeout(10_000),
  });
  if (answer.status !== 200) {
    throw new Error(`publish: ${answer.status} ${(await answer.text()).slice(0, 200)}`);
  }
};
