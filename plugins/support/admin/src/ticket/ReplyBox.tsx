import { forwardRef, useState } from 'react';

import {
  Box,
  Button,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Textarea,
} from '@strapi/design-system';

import type { MacroView, MessageKind } from '../../../shared/contracts';

interface ReplyBoxProps {
  kind: MessageKind;
  onKind: (kind: MessageKind) => void;
  macros: MacroView[];
  onSend: (body: string, files: File[]) => Promise<boolean>;
  onMacro: (macro: MacroView) => void;
}

/**
 * The reply (goes out on the ticket's channel) or internal note, with files and canned replies.
 */
export const ReplyBox = forwardRef<HTMLTextAreaElement, ReplyBoxProps>(
  ({ kind, onKind, macros, onSend, onMacro }, ref) => {
    const [body, setBody] = useState('');
    const [files, setFiles] = useState<File[]>([]);
    const [sending, setSending] = useState(false);

    const send = async () => {
      setSending(true);
      if (await onSend(body.trim(), files)) {
        setBody('');
        setFiles([]);
      }
      setSending(false);
    };

    return (
      <Box
        padding={4}
        hasRadius
        background={kind === 'note' ? 'warning100' : 'neutral0'}
        shadow="tableShadow"
      >
        <Flex gap={2} paddingBottom={2}>
          <Button
            variant={kind === 'reply' ? 'default' : 'tertiary'}
            aria-pressed={kind === 'reply'}
            onClick={() => onKind('reply')}
          >
            Ответ клиенту (r)
          </Button>
          <Button
            variant={kind === 'note' ? 'default' : 'tertiary'}
            aria-pressed={kind === 'note'}
            onClick={() => onKind('note')}
          >
            Заметка (n)
          </Button>
          {macros.length > 0 && (
            <SingleSelect
              aria-label="Шаблон ответа"
              placeholder="Шаблоны"
              value=""
              onChange={(value: string | number) => {
                const macro = macros.find((entry) => entry.id === Number(value));
                if (macro) onMacro(macro);
              }}
            >
              {macros.map((macro) => (
                <SingleSelectOption key={macro.id} value={String(macro.id)}>
                  {macro.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          )}
        </Flex>
        <Textarea
          ref={ref}
          name="body"
          aria-label={kind === 'note' ? 'Текст заметки' : 'Текст ответа'}
          placeholder={
            kind === 'note'
              ? 'Внутренняя заметка — клиент её не увидит'
              : 'Ответ уйдёт клиенту по каналу тикета (Ctrl+Enter — отправить)'
          }
          value={body}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setBody(event.target.value)}
          onKeyDown={(event: React.KeyboardEvent<HTMLTextAreaElement>) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void send();
            }
          }}
        />
        <Flex gap={2} paddingTop={2} justifyContent="space-between">
          <input
            type="file"
            multiple
            aria-label="Приложить файлы"
            onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
          />
          <Button loading={sending} disabled={body.trim() === ''} onClick={send}>
            {kind === 'note' ? 'Сохранить заметку' : 'Отправить ответ'}
          </Button>
        </Flex>
      </Box>
    );
  }
);
ReplyBox.displayName = 'ReplyBox';
