import { SERVICE } from '../content-types/uids';
import { clinicAfterWrite } from './belongs-to-clinic';
import type { ContentRule } from './write-context';

/** A service is always offered by one existing clinic. */
export const serviceRules: ContentRule = async (write) => {
  await clinicAfterWrite(write, SERVICE);
};
