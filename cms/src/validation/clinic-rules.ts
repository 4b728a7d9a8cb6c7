import { checkSubdomain } from '../clinic-address/index.mjs';
import { fieldError } from '../errors';
import { checkCustomDomain } from './custom-domain';
import { openingHoursProblem, type OpeningHoursInput } from './opening-hours';
import type { ContentRule } from './write-context';

/** Checks a clinic's addresses and hours, which the schema alone cannot express. */
export const clinicRules: ContentRule = async ({ data }) => {
  if (typeof data.subdomain === 'string') {
    const check = checkSubdomain(data.subdomain);
    data.subdomain = check.subdomain;
    if (!check.ok) throw fieldError('subdomain', check.problem, check.subdomain);
  }

  if (data.customDomain === '' || data.customDomain === null) {
    data.customDomain = null;
  } else if (typeof data.customDomain === 'string') {
    const check = checkCustomDomain(
      data.customDomain,
      process.env.SITES_BASE_DOMAIN ?? 'localhost'
    );
    if (!check.ok) throw fieldError('customDomain', check.problem, data.customDomain);
    data.customDomain = check.domain;
  }

  if (Array.isArray(data.openingHours)) {
    (data.openingHours as OpeningHoursInput[]).forEach((hours, index) => {
      const problem = openingHoursProblem(hours);
      if (problem)
        throw fieldError(['openingHours', String(index), problem.field], problem.message);
    });
  }
};
