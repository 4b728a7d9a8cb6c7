import type { HeaderValue, StructuredHeader } from 'mailparser';

/** The headers of a parsed mail by lower-case name, read as text whatever mailparser made of them. */
export class MailHeaders {
  private readonly values: Map<string, HeaderValue>;

  constructor(entries: Iterable<[string, HeaderValue]>) {
    this.values = new Map(entries);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** Every occurrence of the header as text (a repeated header gives several). */
  texts(name: string): string[] {
    const value = this.values.get(name);
    return value === undefined ? [] : [value].flat().map(asText);
  }

  /** The first occurrence as lower-case text, or '' when absent. */
  lower(name: string): string {
    return (this.texts(name)[0] ?? '').trim().toLowerCase();
  }

  /** A structured header's parameter (`report-type` of Content-Type), in lower case. */
  param(name: string, param: string): string {
    const value = [this.values.get(name)].flat()[0];
    return isStructured(value) ? (value.params[param] ?? '').toLowerCase() : '';
  }
}

const asText = (value: Exclude<HeaderValue, unknown[]>): string => {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('value' in value && typeof value.value === 'string') return value.value;
  return '';
};

const isStructured = (value: HeaderValue | undefined): value is StructuredHeader =>
  typeof value === 'object' &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  'params' in value &&
  typeof value.value === 'string';
