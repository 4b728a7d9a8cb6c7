import { errors } from '@strapi/utils';

import { notAllowed as refusedBy } from '../errors/not-allowed';
import type { CabinetRule } from './contracts';

/** 403: one of the cabinet's rules stops the person; `details.rule` names it for the UI. */
export const notAllowed = (rule: CabinetRule, message: string) => refusedBy(rule, message);

/** 404 for a doctor, service, page, photo or invitation that is not this clinic's. */
export const itemNotFound = (what: string) => new errors.NotFoundError(`${what} not found`);

/**
 * 404 for a clinic the person does not run: the same answer as for one that does not exist, so
 * the cabinet tells nobody which clinics exist in draft.
 */
export const clinicNotFound = () => itemNotFound('Clinic');
