import { Box, Typography } from '@strapi/design-system';

import type { AuditEntryView } from '../../../shared/contracts';
import { formatTime } from '../components/labels';

const change = (values: Record<string, unknown> | null) =>
  values
    ? Object.entries(values)
        .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
        .join(', ')
    : '';

/** Who changed what and when, folded away until asked for. */
export const AuditTrail = ({ entries }: { entries: AuditEntryView[] }) => (
  <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
    <details>
      <summary>
        <Typography variant="delta">История изменений ({entries.length})</Typography>
      </summary>
      {entries.map((entry) => (
        <Typography key={entry.id} tag="p" variant="pi">
          {formatTime(entry.at)} · {entry.actor.name ?? entry.actor.kind} · {entry.action}
          {entry.before && ` · было ${change(entry.before)}`}
          {entry.after && ` · стало ${change(entry.after)}`}
        </Typography>
      ))}
    </details>
  </Box>
);
