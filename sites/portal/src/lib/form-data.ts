/** Reading the fields of a posted form. */

/** A form field's text ('' when missing or a file). */
export const textOf = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** The files chosen in a file input; an empty file input still sends one nameless, empty part. */
export const filesOf = (form: FormData, name: string) =>
  form.getAll(name).filter((file): file is File => file instanceof File && file.size > 0);
