/**
 * Why an export failed:
 * - `ERR_SITE_NOT_BUILT`: the clinic sites' server has no build to render with;
 * - `ERR_CMS_UNREACHABLE`: the CMS did not answer, or answered with an error;
 * - `ERR_CLINIC_NOT_FOUND`: no published, active clinic has that slug (the public API shows no
 *   other, so an unknown, a draft and a suspended clinic look the same);
 * - `ERR_PAGE_FAILED`: a page answered other than it should (a 5xx, or a listed page missing);
 * - `ERR_OUT_DIR_NOT_EMPTY`: the output folder holds files already.
 * @typedef {'ERR_SITE_NOT_BUILT' | 'ERR_CMS_UNREACHABLE' | 'ERR_CLINIC_NOT_FOUND'
 *   | 'ERR_PAGE_FAILED' | 'ERR_OUT_DIR_NOT_EMPTY'} ClinicExportErrorCode
 */

/** An export that could not be made; wrong options are a `TypeError` instead. */
export class ClinicExportError extends Error {
  /**
   * @param {ClinicExportErrorCode} code
   * @param {string} message
   * @param {ErrorOptions} [options]
   */
  constructor(code, message, options) {
    super(message, options);
    this.name = 'ClinicExportError';
    /** @readonly */
    this.code = code;
  }
}
