import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demo, mockApi } from '@tests/support/mock-api';
import { fr } from '@/locales/messages-fr';
import { renderRoute } from './render';
import { api } from './support/api';
import { beforePutValue, gridCell, patInc, storedValue } from './support/kpi';
import { signIn } from './support/session';

/** The demo's "today" is 15 June 2026: June has no value yet. */
const OPEN = '2026-06';

const refusal = (field: string, code: string) =>
  HttpResponse.json(
    {
      error: {
        code: 'rule_violated',
        message: `refused: ${field}`,
        details: { issues: [{ field, code, message: code }] },
      },
    },
    { status: 422 },
  );

async function openCell() {
  await signIn('lead');
  const { consortium, kpi } = patInc();
  const view = renderRoute(`/consortia/${consortium.id}/kpis/entry?frequency=monthly&to=${OPEN}`);
  await screen.findByRole('grid', {}, { timeout: 15_000 });
  await view.user.click(gridCell('PAT_INC', 'juin 2026'));
  return { ...view, consortium, kpi, dialog: await screen.findByRole('dialog') };
}

describe('the KPI cell form', () => {
  it('names a number it cannot read, in French, and puts focus on it', async () => {
    const { user, dialog, consortium, kpi } = await openCell();
    const value = within(dialog).getByRole('textbox', { name: /^Valeur/ });
    await user.type(value, '12,5,3');
    await user.click(within(dialog).getByRole('button', { name: fr.kpiEntry.editor.save }));
    expect(value).toHaveAttribute('aria-invalid', 'true');
    expect(value).toHaveAccessibleDescription(fr.kpiEntry.errors.not_a_number);
    expect(value).toHaveFocus();
    expect(await storedValue(consortium.id, kpi.id, OPEN)).toBeUndefined();
  });

  it('keeps everything typed through a 412, even when "apply mine" is then refused', async () => {
    const { user, dialog, consortium, kpi } = await openCell();
    await user.type(within(dialog).getByRole('textbox', { name: /^Valeur/ }), '301');
    const source = within(dialog).getByRole('combobox', { name: fr.kpiEntry.editor.source });
    await user.clear(source);
    await user.type(source, 'Journal du 15 juin');
    await user.type(
      within(dialog).getByRole('textbox', { name: fr.kpiEntry.editor.note }),
      'Deux EHPAD en plus',
    );
    await user.click(within(dialog).getByRole('radio', { name: fr.kpiEntry.provisional }));
    // Someone else fills the cell while the editor is open.
    await api('PUT', `/consortia/${consortium.id}/kpis/${kpi.id}/values/${OPEN}`, {
      value: 290,
      provisional: false,
      source: 'Extraction',
    });
    await user.click(within(dialog).getByRole('button', { name: fr.kpiEntry.editor.save }));
    const conflict = await screen.findByRole('dialog', { name: fr.kpiEntry.conflict.title });
    expect(within(conflict).getByText('Journal du 15 juin')).toBeInTheDocument();

    beforePutValue(() => refusal('note', 'too_big'));
    await user.click(within(conflict).getByRole('button', { name: fr.kpiEntry.conflict.apply }));
    const reopened = await screen.findByRole('dialog', { name: /juin 2026$/ });
    const note = within(reopened).getByRole('textbox', { name: fr.kpiEntry.editor.note });
    expect(note).toHaveValue('Deux EHPAD en plus');
    expect(note).toHaveAccessibleDescription(fr.kpiEntry.errors.too_big);
    await waitFor(() => expect(note).toHaveFocus());
    expect(within(reopened).getByRole('textbox', { name: /^Valeur/ })).toHaveValue('301');
    expect(within(reopened).getByRole('combobox', { name: fr.kpiEntry.editor.source })).toHaveValue(
      'Journal du 15 juin',
    );
    expect(within(reopened).getByRole('radio', { name: fr.kpiEntry.provisional })).toBeChecked();
    expect((await storedValue(consortium.id, kpi.id, OPEN))?.value).toBe(290);
  });
});

async function openSettings() {
  await signIn('manager');
  const { consortium, kpi, settings } = patInc();
  const view = renderRoute(`/consortia/${consortium.id}/kpis/${kpi.id}`);
  await screen.findByRole('heading', { level: 1, name: kpi.name.fr }, { timeout: 15_000 });
  const panel = screen.getByRole('region', { name: fr.kpiSettings.heading });
  await view.user.click(within(panel).getByRole('button', { name: fr.kpiSettings.edit }));
  return { ...view, consortium, kpi, settings, panel };
}

const settingsText = fr.kpiSettings;

describe('the KPI settings form', () => {
  it('names the first number it cannot read and puts focus there', async () => {
    const { user, panel } = await openSettings();
    const amber = within(panel).getByRole('textbox', { name: /^Seuil orange/ });
    const red = within(panel).getByRole('textbox', { name: /^Seuil rouge/ });
    await user.clear(amber);
    await user.type(amber, 'abc');
    await user.clear(red);
    await user.type(red, '12,5,3');
    await user.click(within(panel).getByRole('button', { name: settingsText.save }));
    expect(amber).toHaveAccessibleDescription(settingsText.errors.not_a_number);
    expect(red).toHaveAccessibleDescription(settingsText.errors.not_a_number);
    expect(amber).toHaveFocus();
  });

  it('shows a server refusal beside its field', async () => {
    const { user, panel } = await openSettings();
    mockApi.server.use(
      http.put('*/api/v1/consortia/:consortiumId/kpis/:kpiId', () =>
        refusal('tolerance.red', 'below_amber'),
      ),
    );
    await user.click(within(panel).getByRole('button', { name: settingsText.save }));
    const red = within(panel).getByRole('textbox', { name: /^Seuil rouge/ });
    await waitFor(() => expect(red).toHaveAccessibleDescription(settingsText.errors.below_amber));
    expect(red).toHaveFocus();
  });

  it('keeps what was typed on a 412, and saves it over the newer settings', async () => {
    const { user, panel, settings } = await openSettings();
    const red = within(panel).getByRole('textbox', { name: /^Seuil rouge/ });
    await user.clear(red);
    await user.type(red, '40');
    const db = await mockApi.db();
    await db
      .updateTable('consortiumKpis')
      .set({ version: settings.version + 1 })
      .where('id', '=', settings.id)
      .execute();
    await user.click(within(panel).getByRole('button', { name: settingsText.save }));
    await within(panel).findByText(settingsText.problem.conflict);
    expect(red).toHaveValue('40');
    await user.click(within(panel).getByRole('button', { name: settingsText.save }));
    await within(panel).findByText(settingsText.saved);
    const stored = await db
      .selectFrom('consortiumKpis')
      .select(['tolerance', 'version'])
      .where('id', '=', settings.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ tolerance: { red: 0.4 }, version: settings.version + 2 });
  });
});

const catalogueText = fr.kpiCatalogue;

async function editDefinition(code: string) {
  await signIn('manager');
  const view = renderRoute('/kpis');
  await screen.findByRole('table', { name: /Catalogue|catalogue/ }, { timeout: 15_000 });
  await view.user.click(screen.getByRole('button', { name: `Modifier ${code}` }));
  const form = screen.getByRole('region', { name: /^Modifier l’indicateur/ });
  const kpi = demo.kpis.find((k) => k.code === code)!;
  return { ...view, form, kpi };
}

describe('the KPI definition form', () => {
  it('names a number it cannot read and puts focus on it', async () => {
    const { user, form } = await editDefinition('PAT_INC');
    const decimals = within(form).getByRole('textbox', { name: catalogueText.decimals });
    await user.clear(decimals);
    await user.type(decimals, 'abc');
    await user.click(within(form).getByRole('button', { name: catalogueText.submit.edit }));
    expect(decimals).toHaveAccessibleDescription(catalogueText.errors.invalid_type);
    expect(decimals).toHaveFocus();
  });

  it('shows a server refusal beside its field', async () => {
    const { user, form } = await editDefinition('PAT_INC');
    mockApi.server.use(http.patch('*/api/v1/kpis/:kpiId', () => refusal('name.en', 'too_big')));
    const nameEn = within(form).getByRole('textbox', { name: catalogueText.nameEn });
    await user.type(nameEn, ' (v2)');
    await user.click(within(form).getByRole('button', { name: catalogueText.submit.edit }));
    await waitFor(() => expect(nameEn).toHaveAccessibleDescription(catalogueText.errors.too_big));
    expect(nameEn).toHaveFocus();
  });

  it('keeps what was typed on a 412', async () => {
    const { user, form, kpi } = await editDefinition('PAT_INC');
    const nameEn = within(form).getByRole('textbox', { name: catalogueText.nameEn });
    await user.clear(nameEn);
    await user.type(nameEn, 'Patients followed');
    const db = await mockApi.db();
    await db
      .updateTable('kpis')
      .set({ version: kpi.version + 1 })
      .where('id', '=', kpi.id)
      .execute();
    await user.click(within(form).getByRole('button', { name: catalogueText.submit.edit }));
    await within(form).findByText(catalogueText.problem.conflict);
    expect(nameEn).toHaveValue('Patients followed');
  });
});
