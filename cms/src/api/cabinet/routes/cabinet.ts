import type { Context, Next } from 'koa';

import { CONTENT_KIND_NAMES } from '../../../cabinet/content-kinds';
import type { ContentKind } from '../../../contracts';
import {
  contentApiRouter,
  type DeclaredRoute,
  type DeclaredRoutes,
} from '../../../routes/declared-route';
import type cabinetController from '../controllers/cabinet';

type CabinetAction = keyof ReturnType<typeof cabinetController>;

/** Every action of the cabinet is for a signed-in person, checked to run the clinic. */
const route = (
  method: DeclaredRoute['method'],
  path: string,
  action: CabinetAction,
  kind?: ContentKind
): DeclaredRoute<CabinetAction> => ({
  method,
  path: `/cabinet${path}`,
  action,
  access: 'signed-in',
  // Doctors, services and pages share their actions; the route tells them which it is.
  ...(kind && {
    config: {
      middlewares: [
        (ctx: Context, next: Next) => {
          ctx.state.contentKind = kind;
          return next();
        },
      ],
    },
  }),
});

/** The same six actions for each kind of a clinic's content, each under its own path. */
const contentRoutes = (kind: ContentKind) => [
  route('GET', `/clinics/:clinic/${kind}`, 'listContent', kind),
  route('POST', `/clinics/:clinic/${kind}`, 'createContent', kind),
  route('PUT', `/clinics/:clinic/${kind}/:document`, 'updateContent', kind),
  route('DELETE', `/clinics/:clinic/${kind}/:document`, 'deleteContent', kind),
  route('POST', `/clinics/:clinic/${kind}/:document/publish`, 'publishContent', kind),
  route('POST', `/clinics/:clinic/${kind}/:document/unpublish`, 'unpublishContent', kind),
];

/**
 * The clinic owner's cabinet. Every action needs a signed-in person (identity/require-sign-in.ts)
 * and checks on the server that the clinic is theirs (cabinet/clinic-access.ts). Static paths
 * come before parameterised ones.
 */
export const cabinetRoutes: DeclaredRoutes<CabinetAction> = {
  controller: 'api::cabinet.cabinet',
  routes: [
    route('GET', '/clinics', 'listClinics'),
    route('POST', '/clinics', 'openClinic'),
    route('GET', '/subdomains/:subdomain', 'checkSubdomain'),
    route('GET', '/invitations/:token', 'describeInvitation'),
    route('POST', '/invitations/:token/accept', 'acceptInvitation'),
    route('GET', '/clinics/:clinic', 'findClinic'),
    route('PUT', '/clinics/:clinic', 'updateClinic'),
    route('POST', '/clinics/:clinic/publish', 'publishClinic'),
    route('POST', '/clinics/:clinic/unpublish', 'unpublishClinic'),
    route('GET', '/clinics/:clinic/domain', 'domainVerification'),
    route('POST', '/clinics/:clinic/domain/check', 'checkDomain'),
    route('GET', '/clinics/:clinic/photos', 'listPhotos'),
    route('POST', '/clinics/:clinic/photos', 'addPhotos'),
    route('DELETE', '/clinics/:clinic/photos/:photo', 'removePhoto'),
    route('PUT', '/clinics/:clinic/page-order', 'reorderPages'),
    route('GET', '/clinics/:clinic/team', 'team'),
    route('POST', '/clinics/:clinic/invitations', 'invite'),
    route('DELETE', '/clinics/:clinic/invitations/:invitation', 'revokeInvitation'),
    route('DELETE', '/clinics/:clinic/administrators/:user', 'removeAdministrator'),
    route('GET', '/clinics/:clinic/deploys', 'listDeploys'),
    route('GET', '/clinics/:clinic/deploys/:deploy', 'findDeploy'),
    route('GET', '/clinics/:clinic/calls', 'listCalls'),
    route('GET', '/clinics/:clinic/telephony-tokens', 'listTelephonyTokens'),
    route('POST', '/clinics/:clinic/telephony-tokens', 'createTelephonyToken'),
    route('DELETE', '/clinics/:clinic/telephony-tokens/:token', 'revokeTelephonyToken'),
    ...CONTENT_KIND_NAMES.flatMap(contentRoutes),
  ],
};

export default contentApiRouter(cabinetRoutes);
