/** One sign-in attempt as staff see it: whose it was, if the address belonged to anyone. */
export interface StaffLoginEvent {
  outcome: string;
  method: string;
  ip: string | null;
  userAgent: string | null;
  occurredAt: string;
  user: { documentId: string; email: string } | null;
}

/** A page of `GET /sso/login-events` (admin API). */
export interface LoginEventPage {
  data: StaffLoginEvent[];
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
}
