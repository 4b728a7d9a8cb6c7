import { useEffect, useState } from 'react';

import { Box, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';

import type { Attachment } from '../../contracts';

const MAX_TEXT = 20_000;

/**
 * One attachment, fetched with the moderator's session (review files are not public until the
 * review is): images and videos previewed, logs shown as text.
 */
export const AttachmentPreview = ({ reviewId, file }: { reviewId: string; file: Attachment }) => {
  const { get } = useFetchClient();
  const [url, setUrl] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);

  useEffect(() => {
    let objectUrl: string | null = null;
    const path = `/review-moderation/reviews/${reviewId}/attachments/${file.id}`;
    get(path, { responseType: 'blob' })
      .then(async ({ data: blob }) => {
        if (file.preview === 'text') {
          setText((await blob.text()).slice(0, MAX_TEXT));
        } else {
          objectUrl = URL.createObjectURL(blob);
          setUrl(objectUrl);
        }
      })
      .catch(() => setText('The file could not be loaded.'));
    return () => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [get, reviewId, file.id, file.preview]);

  return (
    <Box padding={2} background="neutral100" hasRadius>
      <Typography variant="pi" textColor="neutral600">
        {file.name} · {Math.ceil(file.size)} KB
      </Typography>
      {file.preview === 'image' && url && (
        <img
          src={url}
          alt={`Attachment ${file.name}`}
          style={{ maxWidth: '100%', maxHeight: 320 }}
        />
      )}
      {file.preview === 'video' && url && (
        <video src={url} controls style={{ maxWidth: '100%', maxHeight: 320 }} />
      )}
      {file.preview === 'text' && text !== null && (
        <pre style={{ whiteSpace: 'pre-wrap', maxHeight: 320, overflow: 'auto', fontSize: 12 }}>
          {text}
        </pre>
      )}
    </Box>
  );
};
