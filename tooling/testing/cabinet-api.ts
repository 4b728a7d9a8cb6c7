import type { TestCms } from './strapi-harness';

/** Calls the cabinet API as a signed-in person: `/api/cabinet` + `path`, with `{ data }`. */
export const cabinet = (cms: TestCms, token: string | undefined) => {
  const call = (method: string, path: string, data?: unknown) =>
    cms.request(`/api/cabinet${path}`, {
      method,
      token,
      body: data === undefined ? undefined : { data },
    });
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, data?: unknown) => call('POST', path, data ?? {}),
    put: (path: string, data: unknown) => call('PUT', path, data),
    delete: (path: string) => call('DELETE', path),
    /** Uploads photos as the portal's form does: multipart, field `files`. */
    async upload(path: string, files: { name: string; content: Buffer }[]) {
      const form = new FormData();
      for (const file of files)
        form.append('files', new Blob([new Uint8Array(file.content)]), file.name);
      const response = await fetch(`${cms.baseUrl}/api/cabinet${path}`, {
        method: 'POST',
        headers: token ? { authorization: `Bearer ${token}` } : {},
        body: form,
      });
      return {
        status: response.status,
        body: response.status === 204 ? null : await response.json(),
      };
    },
  };
};

/** A clinic as the "open a clinic" form sends it. */
export const newClinic = (subdomain: string, overrides: Record<string, unknown> = {}) => ({
  name: `Клиника ${subdomain}`,
  subdomain,
  city: 'Казань',
  address: 'ул. Баумана, д. 10',
  ...overrides,
});
