/** A page as the navigation lists it. */
export interface NavPage {
  label: string;
  href: string;
  section: string;
  order: number;
}
