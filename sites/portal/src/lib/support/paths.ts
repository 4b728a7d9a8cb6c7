/** The portal's addresses of one request and of its files. */

export const requestPath = (number: string) => `/support/requests/${encodeURIComponent(number)}`;

export const attachmentPath = (number: string, fileId: number) =>
  `${requestPath(number)}/files/${fileId}`;
