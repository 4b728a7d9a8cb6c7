import { useState } from 'react';

import { Button, Flex, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';

import type { TicketFilter, TicketSort } from '../../../shared/contracts';
import { errorText } from '../api/error-text';
import { useSupportApi } from '../api/support-api';
import { useSupportMeta } from '../pages/support-context';

const PERSONAL = 'personal';

/** Saves the inbox's current filter, for the agent alone or shared with one of their groups. */
export const SaveFilterForm = ({ filter, sort }: { filter: TicketFilter; sort: TicketSort }) => {
  const api = useSupportApi();
  const { meta, reloadMeta } = useSupportMeta();
  const { toggleNotification } = useNotification();
  const [name, setName] = useState('');
  const [share, setShare] = useState(PERSONAL);

  const save = async () => {
    try {
      await api.createFilter({
        name: name.trim(),
        filter,
        sort,
        sharedWithGroupId: share === PERSONAL ? null : Number(share),
      });
      setName('');
      await reloadMeta();
      toggleNotification({ type: 'success', message: 'Фильтр сохранён' });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error) });
    }
  };

  return (
    <Flex gap={2}>
      <TextInput
        aria-label="Название фильтра"
        placeholder="Название фильтра"
        value={name}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => setName(event.target.value)}
      />
      <SingleSelect
        aria-label="Кому виден фильтр"
        value={share}
        onChange={(value: string | number) => setShare(String(value))}
      >
        <SingleSelectOption value={PERSONAL}>Только мне</SingleSelectOption>
        {meta.groups
          .filter((group) => meta.me.groupIds.includes(group.id) || meta.me.rights.allGroups)
          .map((group) => (
            <SingleSelectOption key={group.id} value={String(group.id)}>
              Группе «{group.name}»
            </SingleSelectOption>
          ))}
      </SingleSelect>
      <Button variant="secondary" disabled={name.trim() === ''} onClick={save}>
        Сохранить фильтр
      </Button>
    </Flex>
  );
};
