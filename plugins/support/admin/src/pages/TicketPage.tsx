import { useCallback, useEffect, useRef, useState } from 'react';

import { Box, Flex } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { Link, useNavigate, useParams } from 'react-router-dom';

import type { MessageKind, TicketDetail } from '../../../shared/contracts';
import { errorText } from '../api/error-text';
import { useSupportApi } from '../api/support-api';
import { KeysHelp } from '../components/KeysHelp';
import { SupportZone } from '../components/SupportZone';
import { useKeys } from '../components/use-keys';
import { useSupportEvents } from '../live/use-support-events';
import { AuditTrail } from '../ticket/AuditTrail';
import { ModerationPanel } from '../ticket/ModerationPanel';
import { ReplyBox } from '../ticket/ReplyBox';
import { TicketActions } from '../ticket/TicketActions';
import { TicketHeader } from '../ticket/TicketHeader';
import { TicketThread } from '../ticket/TicketThread';
import { useSupportMeta } from './support-context';

/** One ticket: its thread, the reply box and every action, live and keyboard-driven. */
export const TicketPage = () => {
  const { number = '' } = useParams();
  const api = useSupportApi();
  const { meta } = useSupportMeta();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [kind, setKind] = useState<MessageKind>('reply');
  const [help, setHelp] = useState(false);
  const replyField = useRef<HTMLTextAreaElement>(null);

  const load = useCallback(async () => {
    try {
      setTicket(await api.ticket(number));
    } catch {
      setMissing(true);
    }
  }, [api, number]);
  useEffect(() => {
    void load();
  }, [load]);
  useSupportEvents((event) => {
    if (event.number === number) void load();
  });

  const run = async (action: () => Promise<TicketDetail>) => {
    try {
      const next = await action();
      if (next.number !== number) navigate(`/plugins/support/tickets/${next.number}`);
      else setTicket(next);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error) });
    }
  };
  const write = (next: MessageKind) => {
    setKind(next);
    replyField.current?.focus();
  };

  useKeys({
    r: () => write('reply'),
    n: () => write('note'),
    a: () => void run(() => api.assignToMe(number)),
    e: () => void run(() => api.update(number, { status: 'resolved' })),
    'g i': () => navigate('/plugins/support'),
    '?': () => setHelp(true),
  });

  if (missing) return <Page.Error />;
  if (!ticket) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{`${ticket.number} · Поддержка`}</Page.Title>
      <Layouts.Header
        title={`${ticket.number} · ${ticket.subject}`}
        navigationAction={<Link to="/plugins/support">← Входящие (g i)</Link>}
      />
      <Layouts.Content>
        <Flex gap={4} alignItems="flex-start">
          <Flex direction="column" alignItems="stretch" gap={4} flex="1">
            <TicketHeader ticket={ticket} />
            {ticket.moderation && meta.me.rights.moderate && (
              <ModerationPanel
                subject={ticket.moderation}
                onDecide={(decision, reason) =>
                  run(() => api.moderate(ticket.number, decision, reason))
                }
              />
            )}
            <TicketThread messages={ticket.messages} />
            <ReplyBox
              ref={replyField}
              kind={kind}
              onKind={setKind}
              macros={meta.macros}
              onMacro={(macro) => run(() => api.applyMacro(ticket.number, macro.id))}
              onSend={async (body, files) => {
                try {
                  setTicket(await api.postMessage(ticket.number, { kind, body }, files));
                  return true;
                } catch (error) {
                  toggleNotification({ type: 'danger', message: errorText(error) });
                  return false;
                }
              }}
            />
            <AuditTrail entries={ticket.audit} />
          </Flex>
          <Box width="22rem">
            <TicketActions ticket={ticket} run={run} />
            <SupportZone area="ticket.aside" ticket={ticket} />
          </Box>
        </Flex>
        <KeysHelp open={help} onClose={() => setHelp(false)} />
      </Layouts.Content>
    </Page.Main>
  );
};
