import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Milestone } from '@domain/contract/milestone';
import { daysLate, isLate } from '@domain/rules/milestone-health';
import { todayIso } from '@domain/rules/periods';
import { demo } from '@tests/support/mock-api';
import { en } from '@/locales/messages-en';
import { fr } from '@/locales/messages-fr';
import { renderRoute } from './render';
import { axeViolations } from './support/axe';
import { demoConsortium } from './support/demo';
import { signIn } from './support/session';

const text = fr.milestoneTable;

function own(): Milestone[] {
  const consortium = demoConsortium(0);
  return demo.milestones.filter((m) => m.consortiumId === consortium.id);
}

async function openTable(query = '', locale: 'fr' | 'en' = 'fr') {
  const consortium = demoConsortium(0);
  const view = renderRoute(`/consortia/${consortium.id}${query}`, { locale });
  await screen.findByRole('heading', { level: 1, name: consortium.name });
  const table = () =>
    screen.getByRole('table', {
      name: (locale === 'fr' ? fr : en).milestones.caption.replace('{{name}}', consortium.name),
    });
  const titles = () =>
    within(table())
      .getAllByRole('rowheader')
      .map((th) => th.textContent);
  return { ...view, table, titles };
}

const search = (router: { state: { location: { search: string } } }) =>
  new URLSearchParams(router.state.location.search);

describe('consortium milestone table', () => {
  beforeEach(() => signIn('lead'));

  it('lists every milestone, links each to its page and says late in words', async () => {
    const { table, titles } = await openTable();
    const milestones = own();
    expect(titles()).toHaveLength(milestones.length);
    const first = milestones.find((m) => m.code === 'J0')!;
    expect(within(table()).getByRole('link', { name: first.title.fr })).toHaveAttribute(
      'href',
      `/milestones/${first.id}`,
    );
    const late = milestones.find((m) => isLate(m, todayIso()));
    if (late) {
      const row = within(table()).getByRole('rowheader', { name: late.title.fr }).closest('tr')!;
      const days = daysLate(late, todayIso());
      expect(row).toHaveTextContent(`En retard de ${days} jour${days > 1 ? 's' : ''}`);
    }
    const done = milestones.find((m) => m.status === 'approved')!;
    const doneRow = within(table()).getByRole('rowheader', { name: done.title.fr }).closest('tr')!;
    // A closed milestone shows its status only: "done" would say the same twice.
    expect(within(doneRow).getByText(fr.milestoneStatus.approved)).toBeInTheDocument();
    expect(within(doneRow).queryByText(fr.milestoneHealth.done)).not.toBeInTheDocument();
  });

  it('filters by status, phase and lateness, and writes the filters into the URL', async () => {
    const { user, router, titles } = await openTable();
    const milestones = own();

    await user.selectOptions(screen.getByLabelText(fr.milestones.status), 'approved');
    const approved = milestones.filter((m) => m.status === 'approved');
    expect(titles()).toHaveLength(approved.length);
    await waitFor(() => expect(search(router).get('status')).toBe('approved'));
    expect(
      screen.getByText(`${approved.length} jalons affichés sur ${milestones.length}`),
    ).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText(fr.milestones.phase), 'scoping');
    expect(titles()).toEqual(approved.filter((m) => m.phase === 'scoping').map((m) => m.title.fr));
    await waitFor(() => expect(search(router).get('phase')).toBe('scoping'));

    await user.click(screen.getByRole('button', { name: text.clear }));
    expect(titles()).toHaveLength(milestones.length);
    await waitFor(() => expect(router.state.location.search).toBe(''));

    await user.click(screen.getByRole('checkbox', { name: text.lateOnly }));
    const late = milestones.filter((m) => isLate(m, todayIso()));
    if (late.length > 0) {
      expect([...titles()].sort()).toEqual(late.map((m) => m.title.fr).sort());
    } else {
      expect(screen.getByText(text.noMatch)).toBeInTheDocument();
    }
    await waitFor(() => expect(search(router).get('late')).toBe('1'));
  });

  it('searches titles and codes, ignoring case and accents', async () => {
    const { user, titles } = await openTable();
    const milestones = own();
    await user.type(screen.getByRole('searchbox', { name: text.search }), 'j1');
    expect([...titles()].sort()).toEqual(
      milestones
        .filter((m) => m.code.startsWith('J1'))
        .map((m) => m.title.fr)
        .sort(),
    );
    const accented = milestones.find((m) => /[éèà]/.test(m.title.fr))!;
    const word = accented.title.fr
      .split(/\s+/)
      .find((w) => /[éèà]/.test(w))!
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toUpperCase();
    const box = screen.getByRole('searchbox', { name: text.search });
    await user.clear(box);
    await user.type(box, word);
    expect(titles()).toContain(accented.title.fr);
  });

  it('sorts by forecast date both ways from the column header', async () => {
    const { user, titles, table } = await openTable();
    const byForecast = [...own()].sort(
      (a, b) => a.forecastDate.localeCompare(b.forecastDate) || a.code.localeCompare(b.code),
    );
    const header = within(table()).getByRole('columnheader', { name: /^Prévue/ });
    await user.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    expect(titles()[0]).toBe(byForecast[0]!.title.fr);
    expect(titles().at(-1)).toBe(byForecast.at(-1)!.title.fr);
    await user.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(titles()[0]).toBe(byForecast.at(-1)!.title.fr);
  });

  it('opens with the filters a shared link carries', async () => {
    const { titles } = await openTable('?status=in_progress&sort=actual&dir=desc&phase=nonsense');
    expect(titles()).toEqual(
      own()
        .filter((m) => m.status === 'in_progress')
        .map((m) => m.title.fr),
    );
    expect(screen.getByLabelText(fr.milestones.status)).toHaveValue('in_progress');
    expect(screen.getByLabelText(fr.milestones.phase)).toHaveValue('');
  });

  it('speaks English and passes axe', async () => {
    const { container } = await openTable('', 'en');
    expect(screen.getByRole('checkbox', { name: en.milestoneTable.lateOnly })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: en.milestoneTable.search })).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  });
});
