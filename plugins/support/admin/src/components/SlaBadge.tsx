import { Badge } from '@strapi/design-system';

import type { SlaState } from '../../../shared/contracts';
import { formatTime } from './labels';

const LOOK: Record<SlaState, { text: string; background: string; textColor: string }> = {
  breached: { text: 'SLA нарушен', background: 'danger100', textColor: 'danger700' },
  near: { text: 'SLA скоро', background: 'warning100', textColor: 'warning700' },
  ok: { text: 'SLA в срок', background: 'success100', textColor: 'success700' },
  none: { text: 'без SLA', background: 'neutral150', textColor: 'neutral600' },
};

/** The SLA state in colour, so that tickets near or past breach stand out in any list. */
export const SlaBadge = ({ state, dueAt }: { state: SlaState; dueAt: string | null }) => {
  const look = LOOK[state];
  return (
    <Badge
      background={look.background}
      textColor={look.textColor}
      title={dueAt ? `Срок: ${formatTime(dueAt)}` : undefined}
    >
      {look.text}
    </Badge>
  );
};
