import { yup } from '@strapi/utils';

import {
  AGENT_STATUSES,
  CHANNELS,
  SUPPORT_LIMITS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type AgentStatus,
  type TicketFilter,
  type TicketPriority,
  type TicketSort,
  type TicketStatus,
} from '../../../shared/contracts';
import { fieldError } from '../errors';
import { TICKET_NUMBER } from '../tickets/ticket-number';
import { validateInput } from './validate-input';

const SORTS = ['sla', 'updated', 'created', 'priority'] as const;
const SLA_STATES = ['near', 'breached'] as const;
const id = () => yup.number().integer().positive();

const filterSchema = yup.object({
  status: yup
    .array(
      yup
        .string()
        .oneOf([...TICKET_STATUSES])
        .required()
    )
    .max(6),
  groupId: yup.array(id().required()).max(50),
  assignee: yup
    .mixed<'me' | 'none' | number>()
    .test(
      'assignee',
      'assignee must be me, none or an agent id',
      (value) =>
        value === undefined ||
        value === 'me' ||
        value === 'none' ||
        (Number.isInteger(value) && Number(value) > 0)
    ),
  channel: yup
    .array(
      yup
        .string()
        .oneOf([...CHANNELS])
        .required()
    )
    .max(8),
  tag: yup.string().max(40),
  clinic: yup.string().max(64),
  sla: yup.string().oneOf([...SLA_STATES]),
  q: yup.string().max(200),
});

/** A filter as saved (JSON). */
export const validateFilter = (input: unknown): TicketFilter =>
  validateInput(filterSchema, 'a ticket filter')(input) as TicketFilter;

const list = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : undefined);

/**
 * The inbox's query string (`status=new,open&groupId=1,2&assignee=me&sort=sla&page=2`) as a
 * filter, sort and page; anything wrong is a 400 naming it.
 */
export const filterFromQuery = (query: Record<string, string | undefined>) => {
  const { sort = 'updated', page = '1', assignee, groupId, status, channel, ...rest } = query;
  if (!SORTS.includes(sort as (typeof SORTS)[number]))
    throw fieldError('sort', `sort must be one of ${SORTS.join(', ')}`);
  const pageNumber = Number(page);
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > 10_000)
    throw fieldError('page', 'page must be a positive integer');
  const filter = validateFilter({
    ...Object.fromEntries(
      Object.entries(rest).filter(([, value]) => value !== undefined && value !== '')
    ),
    ...(status ? { status: list(status) } : {}),
    ...(channel ? { channel: list(channel) } : {}),
    ...(groupId ? { groupId: list(groupId)!.map(Number) } : {}),
    ...(assignee
      ? { assignee: assignee === 'me' || assignee === 'none' ? assignee : Number(assignee) }
      : {}),
  });
  return { filter, sort: sort as (typeof SORTS)[number], page: pageNumber };
};

export const validateTicketUpdate = validateInput(
  yup.object({
    status: yup.mixed<TicketStatus>().oneOf([...TICKET_STATUSES]),
    priority: yup.mixed<TicketPriority>().oneOf([...TICKET_PRIORITIES]),
    groupId: id(),
    assigneeId: id().nullable(),
    tags: yup.array(yup.string().required()).max(20),
    problemId: id().nullable(),
  }),
  'a ticket update'
);

export const validateAgentMessage = validateInput(
  yup.object({
    kind: yup.mixed<'reply' | 'note'>().oneOf(['reply', 'note']).required('kind is required'),
    body: yup.string().trim().required('body is required').max(SUPPORT_LIMITS.body.max),
  }),
  'a message'
);

export const validateMerge = validateInput(
  yup.object({
    into: yup
      .string()
      .required('into is required')
      .matches(TICKET_NUMBER, 'into must be a ticket number'),
  }),
  'a merge'
);

export const validateModeration = validateInput(
  yup.object({
    decision: yup
      .mixed<'approve' | 'reject' | 'hide'>()
      .oneOf(['approve', 'reject', 'hide'])
      .required('decision is required'),
    reason: yup.string().trim().max(1000),
  }),
  'a moderation decision'
);

export const validateProblem = validateInput(
  yup.object({
    title: yup.string().trim().required('title is required').min(3).max(200),
    description: yup.string().max(20_000),
    incident: yup.string().matches(TICKET_NUMBER, 'incident must be a ticket number'),
  }),
  'a problem'
);

export const validateResolution = validateInput(
  yup.object({
    resolution: yup.string().trim().required('resolution is required').max(SUPPORT_LIMITS.body.max),
  }),
  'a resolution'
);

export const validateSavedFilter = validateInput(
  yup.object({
    name: yup.string().trim().required('name is required').max(80),
    filter: yup.object().required('filter is required'),
    sort: yup
      .mixed<TicketSort>()
      .oneOf([...SORTS])
      .default('sla'),
    sharedWithGroupId: id().nullable(),
  }),
  'a saved filter'
);

export const validateBoard = validateInput(
  yup.object({
    name: yup.string().trim().required('name is required').max(80),
    columns: yup
      .array(yup.object({ filterId: id().required() }).required())
      .required('columns is required')
      .max(12),
    sharedWithGroupId: id().nullable(),
  }),
  'a board'
);

export const validateAvailability = validateInput(
  yup.object({
    status: yup
      .mixed<AgentStatus>()
      .oneOf([...AGENT_STATUSES], 'status must be available, busy or away')
      .required('status is required'),
  }),
  'availability'
);
