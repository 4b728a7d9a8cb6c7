import type { ContentKind, ContentOf } from '@vixenhealth/cms/contracts';

import { textOf } from '../form-data';
import type { ClinicApi } from './api';
import type { CabinetAction } from './cabinet-page';
import { contentFormOf } from './content-forms';
import { FormRefusal } from './refusal';

/** One item of the list, named by the form's `document` field. */
const itemOf = async <K extends ContentKind>(api: ClinicApi, kind: K, form: FormData) => {
  const documentId = textOf(form, 'document');
  const item = (await api[kind].list()).find((entry) => entry.documentId === documentId);
  if (!item) throw new FormRefusal(null, 'Этого уже нет: обновите страницу.');
  return item as ContentOf[K];
};

/** Moves a page one place up or down in the clinic's menu. */
const movePage = async (api: ClinicApi, form: FormData) => {
  const order = (await api.pages.list()).map((page) => page.documentId);
  const from = order.indexOf(textOf(form, 'document'));
  const to = from + (textOf(form, 'direction') === 'up' ? -1 : 1);
  if (from === -1 || to < 0 || to >= order.length) return;
  [order[from], order[to]] = [order[to], order[from]];
  await api.reorderPages(order);
};

/**
 * What the forms of a kind's pages do: add, edit, publish, unpublish, delete, and for pages,
 * move in the menu. `base` is the list's path, where adding and deleting lead.
 */
export const contentActions = (
  api: ClinicApi,
  kind: ContentKind,
  base: string
): Record<string, CabinetAction> => {
  const spec = contentFormOf(kind);
  const content = api[kind];
  return {
    create: {
      fields: spec.createFields,
      async run(form) {
        const created = await content.create(spec.dataOf(form));
        return `${base}/${created.documentId}?done=create`;
      },
    },
    save: {
      fields: spec.fields.map((field) => field.name),
      async run(form) {
        const item = await itemOf(api, kind, form);
        await content.update(item.documentId, spec.dataOf(form, item));
      },
    },
    publish: {
      run: async (form) => void (await content.setPublished(textOf(form, 'document'), true)),
    },
    unpublish: {
      run: async (form) => void (await content.setPublished(textOf(form, 'document'), false)),
    },
    delete: {
      async run(form) {
        await content.remove(textOf(form, 'document'));
        return `${base}?done=delete`;
      },
    },
    move: { run: (form) => movePage(api, form) },
  };
};
