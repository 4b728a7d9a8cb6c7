import { Button, Dialog, Typography, Box } from '@strapi/design-system';

const KEYS: [string, string][] = [
  ['j / k', 'следующий / предыдущий тикет'],
  ['Enter', 'открыть тикет'],
  ['r', 'ответить клиенту'],
  ['n', 'внутренняя заметка'],
  ['a', 'назначить на меня'],
  ['e', 'решить тикет'],
  ['g, затем i', 'вернуться во входящие'],
  ['/', 'поиск'],
  ['?', 'эта подсказка'],
];

/** The shortcuts, opened with `?`. */
export const KeysHelp = ({ open, onClose }: { open: boolean; onClose: () => void }) => (
  <Dialog.Root open={open} onOpenChange={(next: boolean) => !next && onClose()}>
    <Dialog.Content>
      <Dialog.Header>Клавиши</Dialog.Header>
      <Dialog.Body>
        <Box>
          {KEYS.map(([key, what]) => (
            <Typography key={key} tag="p">
              <kbd>{key}</kbd> — {what}
            </Typography>
          ))}
        </Box>
      </Dialog.Body>
      <Dialog.Footer>
        <Dialog.Cancel>
          <Button variant="tertiary">Закрыть</Button>
        </Dialog.Cancel>
      </Dialog.Footer>
    </Dialog.Content>
  </Dialog.Root>
);
