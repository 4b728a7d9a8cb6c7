import type {
  CabinetClinic,
  CabinetClinicSummary,
  ContentKind,
  ContentOf,
  DeployRecord,
  DeploySummary,
  DomainVerification,
  InvitationSummary,
  ClinicPhoto as Photo,
  Team,
} from '@vixenhealth/cms/contracts';
import type {
  CallRecord,
  CreatedIntegration,
  IntegrationSummary,
} from '@vixenhealth/telephony/contracts';

import { cms, timeout } from '../cms';

type Data<T> = { data: T };

/**
 * The CMS's cabinet API (`/api/cabinet`) on behalf of one signed-in person: every call carries
 * their access token, and the CMS decides what they may see and do (a clinic they do not run
 * is a 404). Refusals throw `CmsApiError`; see `refusal.ts`.
 *
 * @example
 * ```ts
 * const clinics = await cabinetApi(accessToken).clinics();
 * ```
 */
export const cabinetApi = (token: string) => {
  const client = cms();
  const signal = () => timeout(15_000);
  const read = async <T>(call: Promise<unknown>) => ((await call) as Data<T>).data;

  /** What every request about one clinic's content shares. */
  const content = <K extends ContentKind>(clinic: string, kind: K) => {
    // The paths of every kind at once: one generic kind's paths are not known to the client.
    const of: ContentKind = kind;
    return {
      list: () =>
        read<ContentOf[K][]>(
          client.get(`/cabinet/clinics/{clinic}/${of}`, {
            path: { clinic },
            token,
            signal: signal(),
          })
        ),
      create: (data: Record<string, unknown>) =>
        read<ContentOf[K]>(
          client.post(`/cabinet/clinics/{clinic}/${of}`, {
            path: { clinic },
            body: { data },
            token,
            signal: signal(),
          })
        ),
      update: (document: string, data: Record<string, unknown>) =>
        read<ContentOf[K]>(
          client.put(`/cabinet/clinics/{clinic}/${of}/{document}`, {
            path: { clinic, document },
            body: { data },
            token,
            signal: signal(),
          })
        ),
      remove: (document: string) =>
        client.delete(`/cabinet/clinics/{clinic}/${of}/{document}`, {
          path: { clinic, document },
          token,
          signal: signal(),
        }),
      setPublished: (document: string, published: boolean) =>
        read<ContentOf[K]>(
          client.post(
            `/cabinet/clinics/{clinic}/${of}/{document}/${published ? 'publish' : 'unpublish'}`,
            { path: { clinic, document }, body: {}, token, signal: signal() }
          )
        ),
    };
  };

  return {
    clinics: () =>
      read<CabinetClinicSummary[]>(client.get('/cabinet/clinics', { token, signal: signal() })),
    openClinic: (data: Record<string, unknown>) =>
      read<CabinetClinic>(
        client.post('/cabinet/clinics', { body: { data }, token, signal: signal() })
      ),

    clinic: (clinic: string) => ({
      read: () =>
        read<CabinetClinic>(
          client.get('/cabinet/clinics/{clinic}', { path: { clinic }, token, signal: signal() })
        ),
      update: (data: Record<string, unknown>) =>
        read<CabinetClinic>(
          client.put('/cabinet/clinics/{clinic}', {
            path: { clinic },
            body: { data },
            token,
            signal: signal(),
          })
        ),
      setPublished: (published: boolean) =>
        read<CabinetClinic>(
          client.post(`/cabinet/clinics/{clinic}/${published ? 'publish' : 'unpublish'}`, {
            path: { clinic },
            body: {},
            token,
            signal: signal(),
          })
        ),
      doctors: content(clinic, 'doctors'),
      services: content(clinic, 'services'),
      pages: content(clinic, 'pages'),
      reorderPages: (order: string[]) =>
        client.put('/cabinet/clinics/{clinic}/page-order', {
          path: { clinic },
          body: { data: { order } },
          token,
          signal: signal(),
        }),

      photos: () =>
        read<Photo[]>(
          client.get('/cabinet/clinics/{clinic}/photos', {
            path: { clinic },
            token,
            signal: signal(),
          })
        ),
      addPhotos: (files: File[]) => {
        const form = new FormData();
        for (const file of files) form.append('files', file, file.name);
        return read<Photo[]>(
          client.post('/cabinet/clinics/{clinic}/photos', {
            path: { clinic },
            body: form,
            token,
            signal: timeout(60_000),
          })
        );
      },
      removePhoto: (photo: string) =>
        client.delete('/cabinet/clinics/{clinic}/photos/{photo}', {
          path: { clinic, photo },
          token,
          signal: signal(),
        }),

      team: () =>
        read<Team>(
          client.get('/cabinet/clinics/{clinic}/team', {
            path: { clinic },
            token,
            signal: signal(),
          })
        ),
      invite: (email: string) =>
        client.post('/cabinet/clinics/{clinic}/invitations', {
          path: { clinic },
          body: { data: { email } },
          token,
          signal: signal(),
        }),
      revokeInvitation: (invitation: string) =>
        client.delete('/cabinet/clinics/{clinic}/invitations/{invitation}', {
          path: { clinic, invitation },
          token,
          signal: signal(),
        }),
      removeAdministrator: (user: string) =>
        client.delete('/cabinet/clinics/{clinic}/administrators/{user}', {
          path: { clinic, user },
          token,
          signal: signal(),
        }),

      domain: () =>
        read<DomainVerification>(
          client.get('/cabinet/clinics/{clinic}/domain', {
            path: { clinic },
            token,
            signal: signal(),
          })
        ),
      checkDomain: () =>
        read<DomainVerification>(
          client.post('/cabinet/clinics/{clinic}/domain/check', {
            path: { clinic },
            body: {},
            token,
            signal: signal(),
          })
        ),

      calls: () =>
        read<CallRecord[]>(
          client.get('/cabinet/clinics/{clinic}/calls', {
            path: { clinic },
            token,
            signal: signal(),
          })
        ),
      telephonyTokens: () =>
        read<IntegrationSummary[]>(
          client.get('/cabinet/clinics/{clinic}/telephony-tokens', {
            path: { clinic },
            token,
            signal: signal(),
          })
        ),
      createTelephonyToken: (name: string) =>
        read<CreatedIntegration>(
          client.post('/cabinet/clinics/{clinic}/telephony-tokens', {
            path: { clinic },
            body: { data: { name } },
            token,
            signal: signal(),
          })
        ),
      revokeTelephonyToken: (id: string) =>
        client.delete('/cabinet/clinics/{clinic}/telephony-tokens/{token}', {
          path: { clinic, token: id },
          token,
          signal: signal(),
        }),

      deploys: () =>
        read<DeploySummary[]>(
          client.get('/cabinet/clinics/{clinic}/deploys', {
            path: { clinic },
            token,
            signal: signal(),
          })
        ),
      deploy: (deploy: string) =>
        read<DeployRecord>(
          client.get('/cabinet/clinics/{clinic}/deploys/{deploy}', {
            path: { clinic, deploy },
            token,
            signal: signal(),
          })
        ),
    }),

    invitation: (invitationToken: string) => ({
      read: () =>
        read<InvitationSummary>(
          client.get('/cabinet/invitations/{token}', {
            path: { token: invitationToken },
            token,
            signal: signal(),
          })
        ),
      accept: () =>
        read<{ clinic: { documentId: string; name: string } }>(
          client.post('/cabinet/invitations/{token}/accept', {
            path: { token: invitationToken },
            body: {},
            token,
            signal: signal(),
          })
        ),
    }),
  };
};

export type CabinetApi = ReturnType<typeof cabinetApi>;
export type ClinicApi = ReturnType<CabinetApi['clinic']>;
