import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@domain/demo/people';
import { BASE_URL, openSession, signIn, type Session } from './browser';

/*
 * Every screen, opened by every role by typing its address: what the navigation offers, what the
 * route shows and what the server answers must agree. "open" pages get no 403 or 404 from the API
 * behind them; "refused" ones say so; "missing" ones are outside the person's consortium and
 * answer as if they did not exist, as the server does.
 */
type Outcome = 'open' | 'refused' | 'missing';
type Role = 'manager' | 'observer' | 'lead' | 'member';

const everyone = (outcome: Outcome = 'open'): Record<Role, Outcome> => ({
  manager: outcome,
  observer: outcome,
  lead: outcome,
  member: outcome,
});
const managersOnly = { ...everyone('refused'), manager: 'open' } satisfies Record<Role, Outcome>;
const otherConsortium = {
  ...everyone('open'),
  lead: 'missing',
  member: 'missing',
} satisfies Record<Role, Outcome>;

const SCREENS: [path: string, outcome: Record<Role, Outcome>][] = [
  ['/', everyone()],
  ['/consortia', everyone()],
  ['/consortia/coord-dom', everyone()],
  ['/consortia/sortie-plus', otherConsortium],
  ['/reviews', managersOnly],
  ['/milestones/coord-dom-j10', everyone()],
  ['/milestones/sortie-plus-j01', otherConsortium],
  ['/timeline', everyone()],
  ['/admin/milestone-template', managersOnly],
  ['/kpis', everyone()],
  ['/kpis/kpi-transf-urg', everyone()],
  ['/consortia/coord-dom/kpis/entry', everyone()],
  ['/consortia/sortie-plus/kpis/entry', otherConsortium],
  ['/consortia/coord-dom/kpis/kpi-transf-urg', everyone()],
  ['/consortia/sortie-plus/kpis/kpi-transf-urg', otherConsortium],
  ['/reports', everyone()],
  ['/admin', managersOnly],
  ['/admin/users', managersOnly],
  ['/activity', managersOnly],
];

const NAVIGATION = ['/', '/consortia', '/reviews', '/timeline', '/kpis', '/reports', '/activity'];
const HEADING: Record<Exclude<Outcome, 'open'>, string> = {
  refused: 'Accès refusé',
  missing: 'Introuvable',
};

let session: Session | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

describe('every screen as every role', () => {
  it.each(['manager', 'observer', 'lead', 'member'] as const)(
    '%s: the navigation, the route and the API agree',
    async (role) => {
      session = await openSession();
      const { page } = session;
      await signIn(page, `${role}@jalon.test`, DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname !== '/login');
      const nav = page.getByRole('navigation', { name: 'Navigation principale' });
      await nav.getByRole('link', { name: 'Portefeuille' }).waitFor();
      const offered = await nav
        .getByRole('link')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      const expectedNav = SCREENS.filter(
        ([path, outcome]) =>
          outcome[role] === 'open' && (NAVIGATION.includes(path) || path === '/admin'),
      ).map(([path]) => path);
      expect([...offered].sort()).toEqual([...expectedNav].sort());

      const refusals: string[] = [];
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (url.pathname.startsWith('/api/v1/') && [403, 404].includes(response.status())) {
          refusals.push(`${response.status()} ${url.pathname}`);
        }
      });
      const seen: [string, Outcome, string[]][] = [];
      for (const [path] of SCREENS) {
        refusals.length = 0;
        await page.goto(`${BASE_URL}${path}`);
        const h1 = page.getByRole('heading', { level: 1 });
        await h1.first().waitFor();
        await page.waitForLoadState('networkidle');
        const heading = (await h1.first().textContent())?.trim() ?? '';
        const shown: Outcome =
          heading === HEADING.refused
            ? 'refused'
            : heading === HEADING.missing
              ? 'missing'
              : 'open';
        seen.push([path, shown, shown === 'open' ? [...refusals] : []]);
      }
      expect(seen).toEqual(SCREENS.map(([path, outcome]) => [path, outcome[role], []]));
    },
    120_000,
  );
});

describe('every screen at phone width', () => {
  it.each(['fr', 'en'] as const)(
    'nothing is wider than a 390 px phone, in %s, for the manager who sees every screen',
    async (locale) => {
      session = await openSession({ width: 390, height: 844 });
      const { page } = session;
      await signIn(page, 'manager@jalon.test', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname !== '/login');
      await page.evaluate((l) => localStorage.setItem('jalon.locale', l), locale);
      const widths: [string, number][] = [];
      for (const [path, outcome] of SCREENS) {
        if (outcome.manager !== 'open') continue;
        await page.goto(`${BASE_URL}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        widths.push([path, await page.evaluate(() => document.documentElement.scrollWidth)]);
      }
      expect(widths.filter(([, width]) => width > 390)).toEqual([]);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    },
    120_000,
  );
});
