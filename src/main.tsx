import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from '@/app/provider';
import { createQueryClient } from '@/app/query-client';
import { createRoutes } from '@/app/router';
import { createI18n, initialLocale, loadMessages } from '@/lib/i18n';
import '@/styles/tokens.css';
import '@/styles/base.css';
import '@/styles/layout.css';
import '@/styles/page.css';
import '@/styles/cards.css';
import '@/styles/portfolio.css';
import '@/styles/badges.css';
import '@/styles/tables.css';
import '@/styles/states.css';
import '@/styles/forms.css';
import '@/styles/editor.css';
import '@/styles/account.css';
import '@/styles/milestones.css';
import '@/styles/milestone-page.css';
import '@/styles/milestone-timeline.css';
import '@/styles/milestone-plan.css';

// MSW runs only in `npm run dev` (vite.config.ts defines the flag); the dynamic import keeps it
// out of the production bundle, which the post-build check verifies.
if (import.meta.env.DEV && import.meta.env.VITE_API_MOCKS === 'true') {
  const { worker } = await import('../mocks/browser');
  await worker.start({ onUnhandledRequest: 'bypass' });
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
await loadMessages(initialLocale());
const i18n = createI18n();
const router = createBrowserRouter(createRoutes(queryClient));

createRoot(rootElement).render(
  <StrictMode>
    <AppProviders queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
