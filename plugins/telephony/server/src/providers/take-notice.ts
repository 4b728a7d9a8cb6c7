import type { Core } from '@strapi/strapi';

import { ingestCallEvent } from '../calls/ingest-event';
import { fieldError } from '../errors';
import type { IntegrationRow } from '../integrations/integration-row';
import { announceRecording } from '../recordings/start-recordings';
import { NoticeFieldError, type ProviderNotice } from './provider-notice';

/** Reads a notification, its refusals as 400s naming the field. */
export const readNotice = (read: () => ProviderNotice) => {
  try {
    return read();
  } catch (error) {
    if (error instanceof NoticeFieldError) throw fieldError(error.path, error.message);
    throw error;
  }
};

/**
 * Applies what a verified notification says: its call events (each at most once), then the
 * recording it announces, fetched later.
 */
export const takeNotice = async (
  strapi: Core.Strapi,
  integration: IntegrationRow,
  notice: ProviderNotice
) => {
  for (const event of notice.events) await ingestCallEvent(strapi, integration, event);
  if (notice.recording) {
    await announceRecording(strapi, { integrationId: integration.id, ...notice.recording });
  }
};
