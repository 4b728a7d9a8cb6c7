import type { JWTPayload } from 'jose';

import { AccessTokenError } from './errors';
import { splitScope } from './scope';

/** A clinic the user belongs to, and in what capacity. */
export interface ClinicMembership {
  id: string;
  role: 'owner' | 'administrator';
}

/** A staff member's department (`department` claim). */
export interface StaffDepartment {
  code: string;
  name: string;
  /** Department codes from the top of the tree down to this one. */
  path: string[];
}

/**
 * The real actor of a token issued while staff act as the person (`act`, RFC 8693 §4.1):
 * `sub` is their own ID account's, or `admin:<id>` for an admin-panel user without one.
 */
export interface TokenActor {
  sub: string;
  email: string;
}

/**
 * A verified VixenHealth ID access token. For a client-credentials token `sub` equals `clientId`
 * and `roles`, `permissions` and `clinics` are usually empty.
 */
export interface VerifiedAccessToken {
  /** Stable identifier of the user (or of the client, for client-credentials tokens). */
  sub: string;
  /** The OAuth client the token was issued to (`client_id`). */
  clientId: string;
  /** The granted scope, split into its tokens. */
  scope: string[];
  roles: string[];
  permissions: string[];
  clinics: ClinicMembership[];
  /** Staff only: codes of their staff groups (`groups`); empty for everyone else. */
  groups: string[];
  /** Staff only: their department (`department`); null for everyone else. */
  department: StaffDepartment | null;
  /**
   * Staff acting as `sub` (support's impersonation), or null when `sub` is acting themselves.
   * Only ever set when the verification allowed it (`allowImpersonation`).
   */
  actor: TokenActor | null;
  /** When the token expires (`exp`). */
  expiresAt: Date;
  /** The whole verified claims set, for claims this module does not interpret. */
  payload: JWTPayload;
}

const CLINIC_ROLES: readonly unknown[] = [
  'owner',
  'administrator',
] satisfies ClinicMembership['role'][];

function isClinicRole(value: unknown): value is ClinicMembership['role'] {
  return CLINIC_ROLES.includes(value);
}

/**
 * Reads the claims of a token whose signature, issuer, audience and lifetime `jose` has verified,
 * checking the shape of each one this module exposes.
 * @throws AccessTokenError `ERR_VH_TOKEN_CLAIM` naming the first malformed claim.
 */
export function readClaims(payload: JWTPayload): VerifiedAccessToken {
  return {
    sub: readIdentifier(payload, 'sub'),
    clientId: readIdentifier(payload, 'client_id'),
    scope: payload.scope === undefined ? [] : splitScope(readString(payload, 'scope')),
    roles: readStrings(payload, 'roles'),
    permissions: readStrings(payload, 'permissions'),
    clinics: readClinics(payload),
    groups: readStrings(payload, 'groups'),
    department: readDepartment(payload),
    actor: readActor(payload),
    expiresAt: new Date(readExpiry(payload) * 1000),
    payload,
  };
}

function malformed(claim: string): AccessTokenError {
  return new AccessTokenError(
    'ERR_VH_TOKEN_CLAIM',
    `The access token's "${claim}" claim is malformed.`,
    {
      claim,
    }
  );
}

function readString(payload: JWTPayload, claim: string): string {
  const value = payload[claim];
  if (typeof value !== 'string') throw malformed(claim);
  return value;
}

function readIdentifier(payload: JWTPayload, claim: string): string {
  const value = readString(payload, claim);
  if (value === '') throw malformed(claim);
  return value;
}

function readExpiry(payload: JWTPayload): number {
  const { exp } = payload;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw malformed('exp');
  return exp;
}

function readStrings(payload: JWTPayload, claim: string): string[] {
  const value = payload[claim];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw malformed(claim);
  }
  return [...value];
}

function readClinics(payload: JWTPayload): ClinicMembership[] {
  const { clinics } = payload;
  if (clinics === undefined) return [];
  if (!Array.isArray(clinics)) throw malformed('clinics');
  return clinics.map((clinic: unknown) => {
    if (typeof clinic !== 'object' || clinic === null) throw malformed('clinics');
    const { id, role } = clinic as Record<string, unknown>;
    if (typeof id !== 'string' || id === '' || !isClinicRole(role)) throw malformed('clinics');
    return { id, role };
  });
}

function readDepartment(payload: JWTPayload): StaffDepartment | null {
  const { department } = payload;
  if (department === undefined || department === null) return null;
  if (typeof department !== 'object' || Array.isArray(department)) throw malformed('department');
  const { code, name, path } = department as Record<string, unknown>;
  const isPath = Array.isArray(path) && path.every((entry) => typeof entry === 'string');
  if (typeof code !== 'string' || code === '' || typeof name !== 'string' || !isPath) {
    throw malformed('department');
  }
  return { code, name, path: [...path] };
}

function readActor(payload: JWTPayload): TokenActor | null {
  const { act } = payload;
  if (act === undefined) return null;
  if (typeof act !== 'object' || act === null || Array.isArray(act)) throw malformed('act');
  const { sub, email } = act as Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '' || typeof email !== 'string') throw malformed('act');
  return { sub, email };
}
