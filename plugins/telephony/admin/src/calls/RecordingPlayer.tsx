import { useEffect, useState } from 'react';

import { Button, Typography } from '@strapi/design-system';
import { isFetchError } from '@strapi/strapi/admin';

import { useTelephonyApi } from '../api/telephony-api';

type Player =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; src: string }
  | { state: 'failed'; message: string };

/** A blob answer carries no JSON error: the status says what went wrong. */
const failureText = (error: unknown) => {
  const status = isFetchError(error) ? error.status : undefined;
  // The server answers 404 alike for a call the agent may not hear: it does not say it exists.
  if (status === 404) return 'Запись недоступна: её нет, срок хранения истёк или нет доступа';
  if (status === 403 || status === 401) return 'Нет доступа к записи';
  return 'Не удалось загрузить запись';
};

/**
 * A call's recording, fetched with the agent's token only when they press play (recordings are
 * large, and an `<audio src>` could not send the token), kept as an object URL while shown.
 */
export const RecordingPlayer = ({ url }: { url: string }) => {
  const api = useTelephonyApi();
  const [player, setPlayer] = useState<Player>({ state: 'idle' });
  // Each press of play is a new attempt; 0 until the first.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0) return;
    let current = true;
    let objectUrl: string | null = null;
    setPlayer({ state: 'loading' });
    api
      .recording(url)
      .then((blob) => {
        if (!current) return;
        objectUrl = URL.createObjectURL(blob);
        setPlayer({ state: 'ready', src: objectUrl });
      })
      .catch((error) => current && setPlayer({ state: 'failed', message: failureText(error) }));
    return () => {
      current = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [api, url, attempt]);

  const src = player.state === 'ready' ? player.src : null;
  if (src)
    return (
      <audio controls autoPlay src={src} aria-label="Запись звонка" style={{ width: '100%' }} />
    );
  return (
    <>
      <Button
        variant="tertiary"
        size="S"
        loading={player.state === 'loading'}
        onClick={() => setAttempt((count) => count + 1)}
      >
        Прослушать запись
      </Button>
      {player.state === 'failed' && (
        <Typography variant="pi" textColor="danger600" role="alert">
          {player.message}
        </Typography>
      )}
    </>
  );
};
