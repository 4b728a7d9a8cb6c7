import type { ComponentType } from 'react';

/** One page of ID's part of the admin panel: a tab of "VixenHealth ID". */
export interface IdAdminPage {
  /** Path under `/admin/plugins/sso/`, without a leading slash. */
  path: string;
  label: string;
  /** The admin action (`plugin::sso.…`) that shows the page. */
  permission: string;
  Component: ComponentType;
}
