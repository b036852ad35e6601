import type { Permission } from '@domain/rules/permissions';

/**
 * Every path the app links to, so links never hard-code strings. `permission`: the screen is for
 * people the shared rules allow it in at least one programme; the navigation and the route both
 * read it, so a link hidden from someone is also refused when typed.
 */
export const paths = {
  portfolio: { path: '/', getHref: () => '/' },
  heatmap: {
    path: '/heatmap',
    getHref: (period?: string) =>
      period ? `/heatmap?period=${encodeURIComponent(period)}` : '/heatmap',
    permission: 'programme.read' satisfies Permission,
  },
  consortia: { path: '/consortia', getHref: () => '/consortia' },
  consortium: {
    path: '/consortia/:consortiumId',
    getHref: (consortiumId: string) => `/consortia/${encodeURIComponent(consortiumId)}`,
  },
  reviews: {
    path: '/reviews',
    getHref: () => '/reviews',
    permission: 'milestone.review' satisfies Permission,
  },
  milestone: {
    path: '/milestones/:milestoneId',
    getHref: (milestoneId: string) => `/milestones/${encodeURIComponent(milestoneId)}`,
  },
  timeline: {
    path: '/timeline',
    getHref: () => '/timeline',
    permission: 'programme.read' satisfies Permission,
  },
  milestoneTemplate: {
    path: '/admin/milestone-template',
    getHref: () => '/admin/milestone-template',
    permission: 'milestone.plan' satisfies Permission,
  },
  kpis: { path: '/kpis', getHref: () => '/kpis' },
  kpiCross: {
    path: '/kpis/:kpiId',
    getHref: (kpiId: string) => `/kpis/${encodeURIComponent(kpiId)}`,
  },
  kpiEntry: {
    path: '/consortia/:consortiumId/kpis/entry',
    getHref: (consortiumId: string) => `/consortia/${encodeURIComponent(consortiumId)}/kpis/entry`,
  },
  kpiDetail: {
    path: '/consortia/:consortiumId/kpis/:kpiId',
    getHref: (consortiumId: string, kpiId: string) =>
      `/consortia/${encodeURIComponent(consortiumId)}/kpis/${encodeURIComponent(kpiId)}`,
  },
  reports: { path: '/reports', getHref: () => '/reports' },
  admin: {
    path: '/admin',
    getHref: () => '/admin',
    permission: 'programme.manage' satisfies Permission,
  },
  users: {
    path: '/admin/users',
    getHref: () => '/admin/users',
    permission: 'user.manage' satisfies Permission,
  },
  activity: {
    path: '/activity',
    getHref: () => '/activity',
    permission: 'audit.readAll' satisfies Permission,
  },
  login: {
    path: '/login',
    /** `from` is where to return after signing in; only paths inside the app are kept. */
    getHref: (from?: string) =>
      from && from !== '/' ? `/login?from=${encodeURIComponent(from)}` : '/login',
  },
  accept: {
    path: '/accept/:token',
    getHref: (token: string) => `/accept/${encodeURIComponent(token)}`,
  },
} as const;

/** A return path from a query string or history state, refused unless it stays in the app. */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return null;
  if (value.startsWith(paths.login.path)) return null;
  return value;
}
