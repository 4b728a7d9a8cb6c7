import { useCallback, useEffect, useRef, useState } from 'react';

import { Badge, Box, Button, Checkbox, Flex, Textarea, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';

import type { ModerationDecision as Decision, QueueItem } from '../../contracts';
import { AttachmentPreview } from './AttachmentPreview';

const HELP =
  'Keys: J/K next/previous · A approve · R reject (reason first) · H hide · X select · Shift+A approve selected';

/** What is being decided: a heading, a line about it, and the author's own words. */
const ItemText = ({ heading, meta, text }: { heading: string; meta: string; text: string }) => (
  <>
    <Typography variant="beta" tag="h2">
      {heading}
    </Typography>
    <Typography tag="p" variant="pi" textColor="neutral600">
      {meta}
    </Typography>
    <Box paddingTop={3}>
      <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Typography>
    </Box>
  </>
);

const subjectOf = (item: QueueItem) => (item.kind === 'reply' ? 'reply' : 'review');

/**
 * The moderation queue: oldest first, one item open at a time, every decision a button and a key.
 * Works through the admin moderation API only, like any other UI would.
 */
const ModerationQueuePage = () => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [current, setCurrent] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const reasonField = useRef<HTMLTextAreaElement>(null);

  const load = useCallback(async () => {
    const { data } = await get<{ data: { items: QueueItem[] } }>('/review-moderation/queue');
    setItems(data.data.items);
    setCurrent((index) => Math.min(index, Math.max(data.data.items.length - 1, 0)));
  }, [get]);

  useEffect(() => {
    load().catch(() => setItems([]));
  }, [load]);

  const decideOn = useCallback(
    async (targets: QueueItem[], decision: Decision) => {
      if (targets.length === 0) return;
      if (decision === 'reject' && reason.trim().length < 3) {
        reasonField.current?.focus();
        toggleNotification({
          type: 'warning',
          message: 'Write the reason the author will read first.',
        });
        return;
      }
      for (const subjectType of ['review', 'reply'] as const) {
        const documentIds = targets
          .filter((item) => subjectOf(item) === subjectType)
          .map((item) => item.documentId);
        if (documentIds.length === 0) continue;
        const { data } = await post<{ data: { ok: boolean; error?: string }[] }>(
          '/review-moderation/decisions',
          { decision, subjectType, documentIds, reason: reason.trim() || undefined }
        );
        const failed = data.data.filter((result) => !result.ok);
        toggleNotification(
          failed.length === 0
            ? {
                type: 'success',
                message: `${documentIds.length} ${subjectType}(s): ${decision} done`,
              }
            : { type: 'danger', message: failed.map((result) => result.error).join('; ') }
        );
      }
      setReason('');
      setSelected(new Set());
      await load();
    },
    [load, post, reason, toggleNotification]
  );

  const item = items?.[current];

  const toggle = (documentId: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(documentId)) next.delete(documentId);
      else next.add(documentId);
      return next;
    });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!items || items.length === 0 || !item) return;
      if (event.target === reasonField.current) {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && item.kind !== 'reported') {
          event.preventDefault();
          void decideOn([item], 'reject');
        }
        return;
      }
      if ((event.target as HTMLElement)?.closest('textarea, input')) return;
      const key = event.key.toLowerCase();
      if (key === 'j' || event.key === 'ArrowDown')
        setCurrent((index) => Math.min(index + 1, items.length - 1));
      else if (key === 'k' || event.key === 'ArrowUp')
        setCurrent((index) => Math.max(index - 1, 0));
      else if (key === 'a' && event.shiftKey)
        void decideOn(
          items.filter((entry) => selected.has(entry.documentId)),
          'approve'
        );
      else if (key === 'a') void decideOn([item], 'approve');
      else if (key === 'r') {
        event.preventDefault();
        reasonField.current?.focus();
      } else if (key === 'h' && item.kind === 'reported') void decideOn([item], 'hide');
      else if (key === 'x') toggle(item.documentId);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [decideOn, item, items, selected]);

  if (items === null) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>Moderation</Page.Title>
      <Layouts.Header
        title="Moderation queue"
        subtitle={`${items.length} waiting · ${HELP}`}
        primaryAction={
          <Button
            disabled={selected.size === 0}
            onClick={() =>
              decideOn(
                items.filter((entry) => selected.has(entry.documentId)),
                'approve'
              )
            }
          >
            Approve selected ({selected.size})
          </Button>
        }
      />
      <Layouts.Content>
        {items.length === 0 ? (
          <Typography>Nothing to moderate.</Typography>
        ) : (
          <Flex gap={4} alignItems="flex-start">
            <Box width="40%" role="listbox" aria-label="Waiting for a decision">
              {items.map((entry, index) => (
                <Box
                  key={entry.documentId}
                  role="option"
                  aria-selected={index === current}
                  padding={3}
                  marginBottom={2}
                  hasRadius
                  background={index === current ? 'primary100' : 'neutral0'}
                  shadow="tableShadow"
                  onClick={() => setCurrent(index)}
                >
                  <Flex gap={2}>
                    <Checkbox
                      aria-label="Select for a bulk decision"
                      checked={selected.has(entry.documentId)}
                      onCheckedChange={() => toggle(entry.documentId)}
                    />
                    <Badge>{entry.kind}</Badge>
                    <Typography ellipsis>
                      {entry.kind === 'reply' ? entry.review.title : entry.title}
                    </Typography>
                  </Flex>
                  <Typography variant="pi" textColor="neutral600">
                    {new Date(entry.createdAt).toLocaleString('ru-RU')}
                  </Typography>
                </Box>
              ))}
            </Box>
            {item && (
              <Box width="60%" padding={4} background="neutral0" hasRadius shadow="tableShadow">
                {item.kind === 'reply' ? (
                  <ItemText
                    heading={`Reply of ${item.clinicName} to “${item.review.title}”`}
                    meta={item.review.text}
                    text={item.text}
                  />
                ) : (
                  <>
                    <ItemText
                      heading={`${item.title} · ${'★'.repeat(item.rating)}`}
                      meta={`${item.target.type}: ${item.target.name} · ${item.visibility}${
                        item.visitMonth ? ` · visit ${item.visitMonth}` : ''
                      }`}
                      text={item.text}
                    />
                    <Flex direction="column" gap={2} paddingTop={3} alignItems="stretch">
                      {item.attachments.map((file) => (
                        <AttachmentPreview key={file.id} reviewId={item.documentId} file={file} />
                      ))}
                    </Flex>
                    {item.reports.length > 0 && (
                      <Box paddingTop={3}>
                        <Typography variant="delta" tag="h3">
                          Reports ({item.reports.length})
                        </Typography>
                        {item.reports.map((report, index) => (
                          <Typography key={index} tag="p">
                            {report.reason ?? 'No reason given'}
                          </Typography>
                        ))}
                      </Box>
                    )}
                  </>
                )}
                {item.author && (
                  <Box paddingTop={3}>
                    <Typography variant="pi">
                      Author: {item.author.name ?? '—'} ({item.author.email}) · approved{' '}
                      {item.author.history.approved}, rejected {item.author.history.rejected},
                      hidden {item.author.history.hidden}, pending {item.author.history.pending}
                    </Typography>
                  </Box>
                )}
                <Box paddingTop={4}>
                  <Textarea
                    ref={reasonField}
                    name="reason"
                    aria-label="Reason (shown to the author when rejecting)"
                    placeholder="Reason (shown to the author when rejecting)"
                    value={reason}
                    onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                      setReason(event.target.value)
                    }
                  />
                </Box>
                <Flex gap={2} paddingTop={3}>
                  {item.kind === 'reported' ? (
                    <Button variant="danger" onClick={() => decideOn([item], 'hide')}>
                      Hide (H)
                    </Button>
                  ) : (
                    <>
                      <Button variant="success" onClick={() => decideOn([item], 'approve')}>
                        Approve (A)
                      </Button>
                      <Button variant="danger-light" onClick={() => decideOn([item], 'reject')}>
                        Reject with reason
                      </Button>
                    </>
                  )}
                </Flex>
              </Box>
            )}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default ModerationQueuePage;
