import { errors } from '@strapi/utils';

export { notAllowed } from '../errors/not-allowed';

/**
 * 404 for a clinic the person does not run: the same answer as for one that does not exist, so
 * the cabinet tells nobody which clinics exist in draft.
 */
export const clinicNotFound = () => new errors.NotFoundError('Clinic not found');

/** 404 for a doctor, service, page, photo or invitation that is not this clinic's. */
export const itemNotFound = (what: string) => new errors.NotFoundError(`${what} not found`);
