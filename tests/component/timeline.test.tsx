import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Milestone } from '@domain/contract/milestone';
import { daysLate, isLate } from '@domain/rules/milestone-health';
import { todayIso } from '@domain/rules/periods';
import { demo } from '@tests/support/mock-api';
import { formatDate } from '@/lib/format';
import { en } from '@/locales/messages-en';
import { fr } from '@/locales/messages-fr';
import { renderRoute } from './render';
import { axeViolations } from './support/axe';
import { signIn } from './support/session';

const text = fr.programmeTimeline;

async function openTimeline(query = '', locale: 'fr' | 'en' = 'fr') {
  const view = renderRoute(`/timeline${query}`, { locale });
  await screen.findByRole('heading', {
    level: 1,
    name: (locale === 'fr' ? fr : en).programmeTimeline.title,
  });
  return view;
}

const chart = () => screen.getByRole('region', { name: text.chartLabel });

/** The consortia that have milestones, as the timeline groups them. */
function groups() {
  return demo.consortia
    .map((c) => ({ c, ms: demo.milestones.filter((m) => m.consortiumId === c.id) }))
    .filter((g) => g.ms.length > 0);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const consortiumName = (m: Milestone) => demo.consortia.find((c) => c.id === m.consortiumId)!.name;
const barName = (m: Milestone) =>
  new RegExp(`^${escape(`${m.code} ${m.title.fr}, ${consortiumName(m)},`)}`);

describe('programme timeline', () => {
  beforeEach(() => signIn('manager'));

  it('groups a row per milestone under each consortium, each bar a link that reads its dates', async () => {
    await openTimeline();
    const all = groups();
    expect(
      within(chart())
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent),
    ).toEqual(all.map((g) => g.c.name));
    const links = within(chart()).getAllByRole('link');
    expect(links).toHaveLength(all.reduce((n, g) => n + g.ms.length, 0));

    const approved = all[0]!.ms.find((m) => m.status === 'approved' && m.actualDate)!;
    const link = within(chart()).getByRole('link', { name: barName(approved) });
    expect(link).toHaveAttribute('href', `/milestones/${approved.id}`);
    expect(link).toHaveAccessibleName(
      `${approved.code} ${approved.title.fr}, ${all[0]!.c.name}, ${fr.milestoneStatus.approved} : ` +
        `début ${formatDate(approved.startDate, 'fr')}, référence ${formatDate(approved.baselineDate!, 'fr')}, ` +
        `prévision ${formatDate(approved.forecastDate, 'fr')}, date réelle ${formatDate(approved.actualDate!, 'fr')}.`,
    );
    expect(screen.getAllByText(text.today).length).toBeGreaterThan(0);
  });

  it('marks late milestones with words, not colour alone', async () => {
    await openTimeline();
    const late = groups()
      .flatMap((g) => g.ms)
      .filter((m) => isLate(m, todayIso()));
    expect(late.length).toBeGreaterThan(0);
    for (const m of late) {
      const link = within(chart()).getByRole('link', { name: barName(m) });
      expect(link.getAttribute('aria-label')).toMatch(/En retard\.$/);
      const row = link.closest('li')!;
      const days = daysLate(m, todayIso());
      expect(row).toHaveTextContent(`En retard de ${days} jour${days > 1 ? 's' : ''}`);
    }
  });

  it('zooms between quarters and years, kept in the URL', async () => {
    const { user, router } = await openTimeline();
    const quarters = screen.getByRole('button', { name: text.zoomTo.quarter });
    const years = screen.getByRole('button', { name: text.zoomTo.year });
    expect(years).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryAllByText(/^T[1-4] 20\d\d$/)).toEqual([]);
    expect(screen.getAllByText(/^20\d\d$/).length).toBeGreaterThan(0);
    await user.click(quarters);
    await waitFor(() => expect(quarters).toHaveAttribute('aria-pressed', 'true'));
    expect(new URLSearchParams(router.state.location.search).get('zoom')).toBe('quarter');
    expect(screen.getAllByText(/^T[1-4] 20\d\d$/).length).toBeGreaterThan(0);
    await user.click(years);
    await waitFor(() => expect(years).toHaveAttribute('aria-pressed', 'true'));
    expect(router.state.location.search).toBe('');
  });

  it('shows the same rows as tables on request', async () => {
    const { user } = await openTimeline();
    const count = within(chart()).getAllByRole('link').length;
    await user.click(screen.getByRole('button', { name: text.asTable }));
    const tables = await screen.findAllByRole('table');
    expect(tables).toHaveLength(groups().length);
    const rows = tables.flatMap((t) => within(t).getAllByRole('rowheader'));
    expect(rows).toHaveLength(count);
    const first = groups()[0]!;
    expect(
      screen.getByRole('table', { name: text.tableCaption.replace('{{name}}', first.c.name) }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: text.chartLabel })).not.toBeInTheDocument();
  });

  it('shows a lead only their own consortium', async () => {
    await signIn('lead');
    await openTimeline();
    const own = demo.consortia[0]!;
    expect(
      within(chart())
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent),
    ).toEqual([own.name]);
  });

  it('passes axe in both views and speaks English', async () => {
    const { user, container } = await openTimeline('', 'en');
    expect(screen.getByRole('button', { name: en.programmeTimeline.zoomTo.year })).toBeVisible();
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: en.programmeTimeline.asTable }));
    await screen.findAllByRole('table');
    expect(await axeViolations(container)).toEqual([]);
  });
});
