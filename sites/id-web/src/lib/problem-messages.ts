import type { SignInProblem } from './routes';

/**
 * Why signing in did not work, in words the person can act on (Russian, like every page of the
 * platform): what an app's `/auth/callback` page shows for `SignInFailure.problem`.
 */
export const SIGN_IN_PROBLEM_MESSAGES: Readonly<Record<SignInProblem, string>> = {
  stale: 'Вход не завершён: страница входа устарела или открыта в другом браузере.',
  cancelled: 'Вход отменён.',
  refused: 'VixenHealth ID не подтвердил вход. Попробуйте ещё раз.',
};
