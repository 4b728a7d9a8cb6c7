import {
  createAccessTokenVerifier,
  type AccessTokenVerifier,
  type ClinicMembership,
  type TokenActor,
} from '@vixenhealth/sso/verify';

/** Who the access token is for and what they may do on the platform, verified. */
export interface AccessTokenClaims {
  /** The person's stable id at VixenHealth ID. */
  sub: string;
  /** Platform roles (`clinic-owner`, `clinic-administrator`, staff roles, …). */
  roles: string[];
  permissions: string[];
  /** The clinics the person belongs to, and as what. */
  clinics: ClinicMembership[];
  /** Staff acting as the person (support's impersonation), or null: show it on every page. */
  actor: TokenActor | null;
}

/**
 * Reads an access token's claims after verifying it offline with `@vixenhealth/sso/verify`:
 * signed by ID's published keys (cached), issued by `issuer()`, for `audience()` (the platform
 * API's, `ID_API_AUDIENCE`), not expired, not on ID's revocation list (read at most every 5 s).
 * One verifier per issuer and audience, kept for the process (it caches the keys).
 */
export const createClaimsReader = ({
  issuer,
  audience,
}: {
  issuer: () => URL;
  audience: () => string;
}) => {
  let current: { key: string; verifier: AccessTokenVerifier } | null = null;

  const verifier = () => {
    const issuerId = issuer().href;
    const key = `${issuerId} ${audience()}`;
    if (current?.key !== key) {
      current = {
        key,
        verifier: createAccessTokenVerifier({
          issuer: issuerId,
          audience: audience(),
          revocationListUri: `${issuerId.replace(/\/$/, '')}/revocations`,
        }),
      };
    }
    return current.verifier;
  };

  return async (accessToken: string): Promise<AccessTokenClaims> => {
    // The app's own pages show the person what is theirs: staff acting as them may see it too.
    const { sub, roles, permissions, clinics, actor } = await verifier().verify(accessToken, {
      allowImpersonation: true,
    });
    return { sub, roles, permissions, clinics, actor };
  };
};
