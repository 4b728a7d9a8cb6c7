import { createHash, randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { CLINIC, INVITATION, USER } from '../content-types/uids';
import { CABINET_LIMITS, type ClinicAccess } from '../contracts';
import { fieldError, limitReached, notAllowed, notFound } from '../errors';
import { relateAllVersions } from './all-versions';
import { requireOwner } from './clinic-access';
import { invitationMail } from './invitation-mail';
import { validateInviteInput } from './validation/cabinet';

const INVITATION_DAYS = 7;
const MAX_PENDING_INVITATIONS = CABINET_LIMITS.pendingInvitations;

interface InvitationRow {
  id: number;
  email: string;
  status: 'pending' | 'accepted' | 'revoked';
  expiresAt: string;
  clinic: { id: number; documentId: string; name: string } | null;
}

/** Only the hash of an invitation's token is stored: a database leak invites nobody. */
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

const portalUrl = () => (process.env.PORTAL_URL || 'http://localhost:4321').replace(/\/$/, '');

/** Revokes the invitations matching `where`; updates cannot filter on relations, so by id. */
const revokeWhere = async (strapi: Core.Strapi, where: Record<string, unknown>) => {
  const rows = (await strapi.db.query(INVITATION).findMany({ where, select: ['id'] })) as {
    id: number;
  }[];
  if (rows.length === 0) return 0;
  await strapi.db.query(INVITATION).updateMany({
    where: { id: { $in: rows.map((row) => row.id) } },
    data: { status: 'revoked' },
  });
  return rows.length;
};

const isLive = (invitation: Pick<InvitationRow, 'status' | 'expiresAt'>) =>
  invitation.status === 'pending' && new Date(invitation.expiresAt).getTime() > Date.now();

/** Who runs the clinic with whom: owners, administrators and invitations still open. */
export const listTeam = async (strapi: Core.Strapi, access: ClinicAccess) => {
  const clinic = (await strapi.db.query(CLINIC).findOne({
    where: { id: access.clinic.id },
    populate: {
      owners: { select: ['id', 'fullName', 'email'] },
      administrators: { select: ['id', 'fullName', 'email'] },
    },
  })) as Record<'owners' | 'administrators', { id: number; fullName: string; email: string }[]>;
  const invitations = (await strapi.db.query(INVITATION).findMany({
    where: { clinic: access.clinic.id, status: 'pending' },
    select: ['id', 'email', 'status', 'expiresAt'],
    orderBy: { id: 'desc' },
  })) as InvitationRow[];
  return {
    owners: clinic.owners,
    administrators: clinic.administrators,
    invitations: invitations
      .filter(isLive)
      .map(({ id, email, expiresAt }) => ({ id, email, expiresAt })),
  };
};

/**
 * Invites someone by email to help run the clinic. The link goes to the portal, where they
 * accept it signed in with VixenHealth ID under that address. Inviting the same address again
 * replaces the earlier link.
 */
export const invite = async (strapi: Core.Strapi, access: ClinicAccess, input: unknown) => {
  requireOwner(access, 'invite administrators');
  const email = validateInviteInput(input);

  const team = await listTeam(strapi, access);
  if (
    [...team.owners, ...team.administrators].some((member) => member.email?.toLowerCase() === email)
  ) {
    throw fieldError('email', 'already helps run this clinic', email);
  }
  if (team.invitations.length >= MAX_PENDING_INVITATIONS) {
    throw limitReached('pending-invitations', 'Too many open invitations: revoke some first', {
      limit: MAX_PENDING_INVITATIONS,
    });
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
  const invitation = await strapi.db.transaction(async () => {
    await revokeWhere(strapi, { clinic: access.clinic.id, email, status: 'pending' });
    return (await strapi.db.query(INVITATION).create({
      data: {
        clinic: access.clinic.id,
        email,
        tokenHash: hashOf(token),
        status: 'pending',
        expiresAt,
        invitedBy: access.userId,
      },
      select: ['id', 'email', 'expiresAt'],
    })) as { id: number; email: string; expiresAt: string };
  });
  const link = `${portalUrl()}/cabinet/invitations/${token}`;
  try {
    await strapi
      .plugin('email')
      .service('email')
      .send({ to: email, ...invitationMail({ clinicName: access.clinic.name, link }) });
  } catch (error) {
    // The owner sees the failure and may invite again; no invitation that nobody got stays open.
    await strapi.db
      .query(INVITATION)
      .update({ where: { id: invitation.id }, data: { status: 'revoked' } });
    strapi.log.warn(`Cabinet: an invitation mail could not be sent: ${(error as Error).message}`);
    throw notAllowed(
      'invitation-not-sent',
      'The invitation email could not be sent; please try again later'
    );
  }
  return invitation;
};

/** Withdraws an invitation that was not accepted yet; its link stops working at once. */
export const revokeInvitation = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  invitationId: unknown
) => {
  requireOwner(access, 'revoke invitations');
  const revoked = await revokeWhere(strapi, {
    id: Number(invitationId) || 0,
    clinic: access.clinic.id,
    status: 'pending',
  });
  if (revoked === 0) throw notFound('Invitation');
};

/** Stops an administrator from running the clinic. Owners are the platform's to change. */
export const removeAdministrator = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  userId: unknown
) => {
  requireOwner(access, 'remove administrators');
  const team = await listTeam(strapi, access);
  const member = team.administrators.find((admin) => String(admin.id) === String(userId));
  if (!member) throw notFound('Administrator');
  await relateAllVersions(strapi, CLINIC, access.clinic.documentId, {
    administrators: { disconnect: [member.id] },
  });
};

const liveInvitation = async (strapi: Core.Strapi, token: unknown): Promise<InvitationRow> => {
  const invitation =
    typeof token === 'string' && token.length >= 20 && token.length <= 100
      ? ((await strapi.db.query(INVITATION).findOne({
          where: { tokenHash: hashOf(token) },
          select: ['id', 'email', 'status', 'expiresAt'],
          populate: { clinic: { select: ['id', 'documentId', 'name'] } },
        })) as InvitationRow | null)
      : null;
  if (!invitation || !invitation.clinic || !isLive(invitation)) {
    throw notFound('Invitation (it may have expired or been revoked)');
  }
  return invitation;
};

/** What the invitation page shows before the person accepts. */
export const describeInvitation = async (strapi: Core.Strapi, token: unknown) => {
  const invitation = await liveInvitation(strapi, token);
  return {
    clinic: { documentId: invitation.clinic!.documentId, name: invitation.clinic!.name },
    email: invitation.email,
    expiresAt: invitation.expiresAt,
  };
};

/**
 * Makes the signed-in person an administrator of the clinic. The link alone is not enough: their
 * VixenHealth ID account must have the address the invitation was sent to.
 */
export const acceptInvitation = async (strapi: Core.Strapi, userId: number, token: unknown) => {
  const invitation = await liveInvitation(strapi, token);
  const user = (await strapi.db
    .query(USER)
    .findOne({ where: { id: userId }, select: ['email'] })) as {
    email: string;
  } | null;
  if (user?.email?.toLowerCase() !== invitation.email) {
    throw notAllowed(
      'invitation-for-another-email',
      `This invitation was sent to ${invitation.email}: sign in with VixenHealth ID under that address to accept it`
    );
  }
  const clinic = invitation.clinic!;
  await strapi.db.transaction(async () => {
    await relateAllVersions(strapi, CLINIC, clinic.documentId, {
      administrators: { connect: [userId] },
    });
    await strapi.db.query(INVITATION).update({
      where: { id: invitation.id },
      data: { status: 'accepted', acceptedBy: userId },
    });
  });
  return { clinic: { documentId: clinic.documentId, name: clinic.name } };
};
