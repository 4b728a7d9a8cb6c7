import type { Channel, TicketPriority, TicketSort, TicketStatus } from '../../../shared/contracts';

export const STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'Новый',
  open: 'Открыт',
  pending: 'Ждёт ответа',
  'on-hold': 'Отложен',
  resolved: 'Решён',
  closed: 'Закрыт',
};

export const PRIORITY_LABELS: Record<TicketPriority, string> = {
  low: 'Низкий',
  normal: 'Обычный',
  high: 'Высокий',
  urgent: 'Срочный',
};

export const SORT_LABELS: Record<TicketSort, string> = {
  sla: 'По сроку SLA',
  updated: 'По обновлению',
  created: 'По созданию',
  priority: 'По приоритету',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: 'Сайт',
  email: 'Почта',
  phone: 'Телефон',
  telegram: 'Telegram',
  sms: 'SMS',
  review: 'Отзыв',
  staff: 'Сотрудник',
  esb: 'Шина',
};

export const formatTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('ru-RU') : '—';
