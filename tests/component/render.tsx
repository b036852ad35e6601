import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Locale } from '@domain/contract/common';
import { AppProviders } from '@/app/provider';
import { createQueryClient } from '@/app/query-client';
import { createRoutes } from '@/app/router';
import { createI18n, initialLocale } from '@/lib/i18n';

interface RenderRouteOptions {
  /** Defaults to what the app itself would pick: the stored choice, else French. */
  locale?: Locale;
}

/**
 * Renders the real providers and the real route tree (lazy routes, loaders, error boundaries)
 * at `url`, against the MSW handlers. Each call gets its own QueryClient, without retries so an
 * error state shows at once.
 */
export function renderRoute(url: string, { locale }: RenderRouteOptions = {}) {
  const queryClient = createQueryClient({ retry: false });
  const i18n = createI18n(locale ?? initialLocale());
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, user, router, queryClient, i18n };
}
