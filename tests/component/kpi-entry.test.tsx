import { act, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { signOut } from '@tests/support/mock-api';
import { en } from '@/locales/messages-en';
import { fr } from '@/locales/messages-fr';
import { renderRoute } from './render';
import { api } from './support/api';
import { axeViolations } from './support/axe';
import { beforePutValue, gate, gridCell, patInc, storedValue } from './support/kpi';
import { signIn } from './support/session';

const text = fr.kpiEntry;
/** The demo's "today" is 15 June 2026: June has no value yet, May has one. */
const OPEN = '2026-06';
const FILLED = '2026-05';

function entryUrl(consortiumId: string) {
  return `/consortia/${consortiumId}/kpis/entry?frequency=monthly&to=${OPEN}`;
}

let puts: { url: string; ifMatch: string | null }[] = [];

beforeEach(() => {
  puts = [];
  beforePutValue(({ request }) => {
    puts.push({ url: request.url, ifMatch: request.headers.get('if-match') });
  });
});

async function openGrid(locale?: 'fr' | 'en') {
  await signIn('lead');
  const { consortium, kpi, targetAt } = patInc();
  const view = renderRoute(entryUrl(consortium.id), { locale });
  await screen.findByRole('grid');
  return { ...view, consortium, kpi, target: targetAt(OPEN) };
}

async function openCell(user: ReturnType<typeof renderRoute>['user'], column: string) {
  await user.click(gridCell('PAT_INC', column));
  return screen.findByRole('dialog');
}

describe('KPI entry grid', () => {
  it('is usable with the keyboard alone: arrows move, Enter opens, Escape cancels, Enter saves', async () => {
    const { user, consortium, kpi } = await openGrid();
    const grid = screen.getByRole('grid');
    // One tab stop, on the most recent period of the first row.
    const stops = grid.querySelectorAll('button[tabindex="0"]');
    expect(stops).toHaveLength(1);
    act(() => (stops[0] as HTMLButtonElement).focus());
    const rows = within(grid)
      .getAllByRole('rowheader')
      .map((h) => h.textContent ?? '');
    const patRow = rows.findIndex((r) => r.includes('PAT_INC'));
    await user.keyboard('{Home}');
    expect(grid.querySelector('[data-cell$="-0"]')).toHaveFocus();
    await user.keyboard('{End}');
    for (let i = 0; i < patRow; i++) await user.keyboard('{ArrowDown}');
    await user.keyboard('{ArrowDown}{ArrowUp}{ArrowLeft}{ArrowRight}');
    expect(gridCell('PAT_INC', 'juin 2026')).toHaveFocus();

    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: `${kpi.name.fr} — juin 2026` });
    const value = within(dialog).getByRole('textbox', { name: /^Valeur/ });
    expect(value).toHaveFocus();
    await user.keyboard('318');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(gridCell('PAT_INC', 'juin 2026')).toHaveFocus();
    expect(puts).toEqual([]);

    await user.keyboard('{Enter}');
    const again = await screen.findByRole('dialog');
    expect(within(again).getByRole('textbox', { name: /^Valeur/ })).toHaveValue('');
    expect(within(again).getByRole('combobox', { name: text.editor.source })).toHaveValue(
      fr.sourceType.vendor_log,
    );
    await user.keyboard('318{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await screen.findByText(text.saved.replace('{{cell}}', 'PAT_INC, juin 2026'));
    expect(gridCell('PAT_INC', 'juin 2026')).toHaveTextContent(/318.*Dans la cible/);
    expect(await storedValue(consortium.id, kpi.id, OPEN)).toMatchObject({
      value: 318,
      source: fr.sourceType.vendor_log,
      provisional: false,
      revision: 1,
    });
    expect(puts).toHaveLength(1);
    expect(puts[0]!.ifMatch).toBeNull();
  });

  it('asks for an explanation before saving a value that comes out red', async () => {
    const { user, consortium, kpi, target } = await openGrid();
    const dialog = await openCell(user, 'juin 2026');
    expect(within(dialog).queryByRole('textbox', { name: text.editor.explanation })).toBeNull();
    const low = Math.round(target * 0.5);
    await user.type(within(dialog).getByRole('textbox', { name: /^Valeur/ }), String(low));
    expect(within(dialog).getByText(fr.kpiStatus.red)).toBeInTheDocument();
    const explanation = within(dialog).getByRole('textbox', { name: text.editor.explanation });
    await user.click(within(dialog).getByRole('button', { name: text.editor.save }));
    expect(explanation).toHaveAttribute('aria-invalid', 'true');
    expect(explanation).toHaveAccessibleDescription(
      `${text.editor.explanationHint} ${text.errors.explanation_required}`,
    );
    expect(explanation).toHaveFocus();
    expect(puts).toEqual([]);

    await user.type(explanation, 'Montée en charge retardée par la migration HDS.');
    await user.click(within(dialog).getByRole('button', { name: text.editor.save }));
    await screen.findByText(text.saved.replace('{{cell}}', 'PAT_INC, juin 2026'));
    expect(gridCell('PAT_INC', 'juin 2026')).toHaveTextContent(fr.kpiStatus.red);
    expect((await storedValue(consortium.id, kpi.id, OPEN))?.explanation).toBe(
      'Montée en charge retardée par la migration HDS.',
    );
  });

  it('shows the new value at once, then rolls it back with a message when the server fails', async () => {
    const { user } = await openGrid();
    const { opened, open } = gate();
    beforePutValue(async () => {
      await opened;
      return HttpResponse.json(
        { error: { code: 'internal', message: 'database unavailable' } },
        { status: 500 },
      );
    });
    const dialog = await openCell(user, 'juin 2026');
    await user.type(within(dialog).getByRole('textbox', { name: /^Valeur/ }), '305{Enter}');
    const cell = gridCell('PAT_INC', 'juin 2026');
    expect(cell).toHaveTextContent('305');
    expect(cell).toHaveTextContent(text.grid.saving);
    open();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(text.failed.server.replace('{{cell}}', 'PAT_INC, juin 2026'));
    await waitFor(() => expect(gridCell('PAT_INC', 'juin 2026')).not.toHaveTextContent('305'));
    expect(within(alert).getByRole('button', { name: fr.common.retry })).toBeInTheDocument();
  });

  it('rolls back on 422 and shows the refusal on the field it names, in the user’s language', async () => {
    const { user, consortium, kpi } = await openGrid('en');
    beforePutValue(() =>
      HttpResponse.json(
        {
          error: {
            code: 'rule_violated',
            message: 'Invalid KPI value: explanation',
            details: {
              issues: [
                {
                  field: 'explanation',
                  code: 'explanation_required',
                  message: 'explanation required',
                },
              ],
            },
          },
        },
        { status: 422 },
      ),
    );
    await user.click(gridCell('PAT_INC', 'June 2026'));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Value/ }), '312{Enter}');
    const reopened = await screen.findByRole('dialog');
    const explanation = within(reopened).getByRole('textbox', {
      name: en.kpiEntry.editor.explanation,
    });
    expect(explanation).toHaveAttribute('aria-invalid', 'true');
    expect(explanation).toHaveAccessibleDescription(
      `${en.kpiEntry.editor.explanationHint} ${en.kpiEntry.errors.explanation_required}`,
    );
    expect(within(reopened).getByRole('textbox', { name: /^Value/ })).toHaveValue('312');
    expect(gridCell('PAT_INC', 'June 2026')).not.toHaveTextContent('312');
    expect(await storedValue(consortium.id, kpi.id, OPEN)).toBeUndefined();
  });

  it('shows the other person’s value on 412 and lets the user choose', async () => {
    const { user, consortium, kpi } = await openGrid();
    const before = (await storedValue(consortium.id, kpi.id, FILLED))!;
    const dialog = await openCell(user, 'mai 2026');
    const value = within(dialog).getByRole('textbox', { name: /^Valeur/ });
    expect(value).toHaveValue(String(before.value));
    // Someone else corrects the same cell while the editor is open.
    const theirs = await api(
      'PUT',
      `/consortia/${consortium.id}/kpis/${kpi.id}/values/${FILLED}`,
      { value: 333, provisional: false, source: 'Extraction du 3 juin' },
      before.version,
    );
    expect(theirs.status).toBe(200);
    await user.clear(value);
    await user.type(value, '340{Enter}');

    const conflict = await screen.findByRole('dialog', { name: text.conflict.title });
    expect(puts.at(-1)!.ifMatch).toBe(`"${before.version}"`);
    const table = within(conflict).getByRole('table');
    expect(within(table).getByRole('row', { name: /Valeur/ })).toHaveTextContent(/333.*340/);
    expect(within(table).getByText('Extraction du 3 juin')).toBeInTheDocument();
    expect((await storedValue(consortium.id, kpi.id, FILLED))!.value).toBe(333);

    await user.click(within(conflict).getByRole('button', { name: text.conflict.apply }));
    await screen.findByText(text.saved.replace('{{cell}}', 'PAT_INC, mai 2026'));
    expect(puts.at(-1)!.ifMatch).toBe(`"${before.version + 1}"`);
    expect(await storedValue(consortium.id, kpi.id, FILLED)).toMatchObject({
      value: 340,
      revision: 3,
    });
    expect(gridCell('PAT_INC', 'mai 2026')).toHaveTextContent('340');
  });

  it('keeps the other person’s value when the user says so', async () => {
    const { user, consortium, kpi } = await openGrid();
    const dialog = await openCell(user, 'juin 2026');
    await api('PUT', `/consortia/${consortium.id}/kpis/${kpi.id}/values/${OPEN}`, {
      value: 290,
      provisional: true,
      source: 'Journal du 14 juin',
    });
    await user.type(within(dialog).getByRole('textbox', { name: /^Valeur/ }), '300{Enter}');
    const conflict = await screen.findByRole('dialog', { name: text.conflict.title });
    await user.click(within(conflict).getByRole('button', { name: text.conflict.keep }));
    await waitFor(() => expect(gridCell('PAT_INC', 'juin 2026')).toHaveTextContent('290'));
    expect(await storedValue(consortium.id, kpi.id, OPEN)).toMatchObject({
      value: 290,
      revision: 1,
    });
  });

  it('lists every revision of a corrected cell, newest first, with who and when', async () => {
    const { user, consortium, kpi } = await openGrid();
    const before = (await storedValue(consortium.id, kpi.id, FILLED))!;
    const dialog = await openCell(user, 'mai 2026');
    const value = within(dialog).getByRole('textbox', { name: /^Valeur/ });
    await user.clear(value);
    await user.type(value, '327');
    await user.click(within(dialog).getByRole('radio', { name: text.provisional }));
    await user.click(within(dialog).getByRole('button', { name: text.editor.save }));
    await screen.findByText(text.saved.replace('{{cell}}', 'PAT_INC, mai 2026'));

    const reopened = await openCell(user, 'mai 2026');
    const history = within(reopened).getByRole('region', { name: text.history.title });
    // The cached history (one revision) may show before the refetch brings the second.
    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(2));
    const items = within(history).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/Révision 2.*327.*Provisoire/);
    expect(items[0]).toHaveTextContent(/Saisie par Thomas Leroy/);
    expect(items[1]).toHaveTextContent(new RegExp(`Révision 1.*${before.value}`));
    expect(items[1]).toHaveTextContent(`Saisie par ${before.enteredBy}`);
  });

  it('keeps a locked period read-only and says why, with its history', async () => {
    const { user } = await openGrid();
    const header = screen.getByRole('columnheader', { name: /mars 2026/ });
    expect(header).toHaveTextContent(text.grid.locked);
    const dialog = await openCell(user, 'mars 2026');
    expect(
      within(dialog).getByText(/La période mars 2026 est verrouillée depuis le/),
    ).toBeVisible();
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: fr.common.close })).toHaveFocus();
    expect(await within(dialog).findAllByRole('listitem')).not.toHaveLength(0);
    await user.keyboard('{Escape}');
    expect(gridCell('PAT_INC', 'mars 2026')).toHaveFocus();
    expect(puts).toEqual([]);
  });

  it('has no axe violations, with the grid and with the editor open', async () => {
    const { user, container } = await openGrid();
    expect(await axeViolations(container)).toEqual([]);
    await openCell(user, 'mai 2026');
    await screen.findAllByRole('listitem');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('is in English for an English reader', async () => {
    await openGrid('en');
    expect(screen.getByRole('heading', { level: 1, name: en.kpiEntry.title })).toBeInTheDocument();
    expect(screen.getByRole('grid')).toHaveAccessibleName(
      en.kpiEntry.grid.caption.replace('{{name}}', 'Coord@Dom'),
    );
    expect(gridCell('PAT_INC', 'May 2026')).toHaveTextContent(en.kpiStatus.green);
  });
});

describe('who may enter values', () => {
  it.each(['member', 'observer'] as const)('a %s sees no grid and no entry link', async (role) => {
    await signIn(role);
    const { consortium } = patInc();
    renderRoute(entryUrl(consortium.id));
    expect(await screen.findByText(text.notAllowed)).toBeInTheDocument();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });

  it('the lead finds the entry grid from the consortium overview; a member does not', async () => {
    await signIn('lead');
    const { consortium } = patInc();
    const view = renderRoute(`/consortia/${consortium.id}`);
    await screen.findByRole('heading', { level: 1, name: consortium.name });
    expect(screen.getByRole('link', { name: text.link })).toHaveAttribute(
      'href',
      `/consortia/${consortium.id}/kpis/entry`,
    );
    view.unmount();
    signOut();
    await signIn('member');
    renderRoute(`/consortia/${consortium.id}`);
    await screen.findByRole('heading', { level: 1, name: consortium.name });
    expect(screen.queryByRole('link', { name: text.link })).not.toBeInTheDocument();
  });
});
