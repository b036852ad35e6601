import type { QueryClient } from '@tanstack/react-query';
import { Navigate, redirect, useLocation, type LoaderFunctionArgs } from 'react-router';
import { isApiError } from '@/api/errors';
import { meQueryOptions } from '@/api/session';
import { paths } from '@/lib/paths';

/** Loader of the signed-in layout: no session → the sign-in page, which brings the person back. */
export const requireSession =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    try {
      await queryClient.ensureQueryData(meQueryOptions());
      return null;
    } catch (error) {
      if (isApiError(error) && error.isUnauthenticated) {
        const url = new URL(request.url);
        // React Router's way to redirect from a loader is to throw the Response it builds.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw redirect(paths.login.getHref(url.pathname + url.search));
      }
      throw error;
    }
  };

/** What the sign-in page reads from history state. */
export interface LoginState {
  from?: string;
  expired?: boolean;
}

/** A request answered 401 after sign-in: the session ended, so sign in again and come back. */
export function SessionExpired() {
  const location = useLocation();
  const state: LoginState = { from: location.pathname + location.search, expired: true };
  return <Navigate to={paths.login.getHref(state.from)} state={state} replace />;
}
