import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { kpisOf } from '@server/db/queries';
import { demo, mockApi } from '@tests/support/mock-api';
import { en } from '@/locales/messages-en';
import { fr } from '@/locales/messages-fr';
import { renderRoute } from './render';
import { axeViolations } from './support/axe';
import { signIn, type DemoRole } from './support/session';

const text = fr.kpiCatalogue;

async function openCatalogue(role: DemoRole, locale?: 'fr' | 'en') {
  await signIn(role);
  const view = renderRoute('/kpis', { locale });
  await screen.findByRole('table', { name: /Catalogue|catalogue/ });
  return view;
}

/** Pastes instead of typing key by key: the form is long and CI machines are slow. */
async function fill(
  user: ReturnType<typeof renderRoute>['user'],
  field: HTMLElement,
  value: string,
) {
  await user.click(field);
  await user.paste(value);
}

const kpi = async (code: string) =>
  (await kpisOf(await mockApi.db(), demo.programmes[0]!.id)).find((k) => k.code === code)!;

function editor() {
  return screen.getByRole('region', { name: /^Nouvel indicateur|^Modifier l’indicateur/ });
}

describe('KPI catalogue', () => {
  it('lets a manager add an indicator with every field of the definition', async () => {
    const { user } = await openCatalogue('manager');
    await user.click(screen.getByRole('button', { name: text.add }));
    const form = editor();
    expect(within(form).getByRole('textbox', { name: fr.catalogue.code })).toHaveFocus();
    await user.keyboard('TELEC');
    await fill(user, within(form).getByRole('textbox', { name: text.nameFr }), 'Téléconsultations');
    await fill(user, within(form).getByRole('textbox', { name: text.nameEn }), 'Teleconsultations');
    await fill(
      user,
      within(form).getByRole('textbox', { name: text.definitionFr }),
      'Téléconsultations réalisées pour 100 résidents.',
    );
    await fill(
      user,
      within(form).getByRole('textbox', { name: text.definitionEn }),
      'Teleconsultations per 100 residents.',
    );
    await user.selectOptions(
      within(form).getByRole('combobox', { name: fr.catalogue.unit }),
      'rate',
    );
    await fill(user, within(form).getByRole('textbox', { name: text.ratePer }), '100');
    await user.selectOptions(
      within(form).getByRole('combobox', { name: text.aggregation }),
      'rate',
    );
    await user.selectOptions(
      within(form).getByRole('combobox', { name: fr.catalogue.frequency }),
      'quarterly',
    );
    await user.clear(within(form).getByRole('textbox', { name: text.decimals }));
    await fill(user, within(form).getByRole('textbox', { name: text.decimals }), '1');
    await user.selectOptions(
      within(form).getByRole('combobox', { name: fr.catalogue.source }),
      'manual_count',
    );
    await user.clear(within(form).getByRole('textbox', { name: text.lag }));
    await fill(user, within(form).getByRole('textbox', { name: text.lag }), '1');
    await fill(user, within(form).getByRole('textbox', { name: text.validFrom }), '2025-T3');
    await user.click(within(form).getByRole('button', { name: text.submit.create }));

    await screen.findByText(text.notice.created);
    expect(
      within(screen.getByRole('table')).getByRole('link', { name: 'Téléconsultations' }),
    ).toBeInTheDocument();
    expect(await kpi('TELEC')).toMatchObject({
      unit: 'rate',
      ratePer: 100,
      aggregation: 'rate',
      frequency: 'quarterly',
      decimals: 1,
      sourceType: 'manual_count',
      reportingLagMonths: 1,
      definitionVersions: [{ version: 1, validFrom: '2025-Q3' }],
    });
  });

  it('names the fields it refuses, its own checks and the server’s', async () => {
    const { user } = await openCatalogue('manager');
    await user.click(screen.getByRole('button', { name: text.add }));
    const form = editor();
    await user.keyboard('PAT_INC');
    await user.click(within(form).getByRole('button', { name: text.submit.create }));
    const nameFr = within(form).getByRole('textbox', { name: text.nameFr });
    expect(nameFr).toHaveAttribute('aria-invalid', 'true');
    expect(nameFr).toHaveAccessibleDescription(text.errors.too_small);
    expect(nameFr).toHaveFocus();

    await user.type(nameFr, 'Doublon');
    await user.type(within(form).getByRole('textbox', { name: text.nameEn }), 'Duplicate');
    await user.type(within(form).getByRole('textbox', { name: text.definitionFr }), 'Doublon.');
    await user.type(within(form).getByRole('textbox', { name: text.definitionEn }), 'Duplicate.');
    await user.type(within(form).getByRole('textbox', { name: text.validFrom }), '2025-01');
    await user.click(within(form).getByRole('button', { name: text.submit.create }));
    // The code is free as far as the form knows; the server answers 409 naming it.
    const code = within(form).getByRole('textbox', { name: fr.catalogue.code });
    await screen.findByText(text.errors.duplicate);
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveAccessibleDescription(`${text.codeHint} ${text.errors.duplicate}`);
  });

  it('edits a name in place, without a new version, and keeps a rate’s base', async () => {
    const { user } = await openCatalogue('manager');
    const before = await kpi('TRANSF_URG');
    await user.click(screen.getByRole('button', { name: 'Modifier TRANSF_URG' }));
    const form = editor();
    const nameEn = within(form).getByRole('textbox', { name: text.nameEn });
    await user.clear(nameEn);
    await user.type(nameEn, 'ED transfers from nursing homes');
    expect(within(form).queryByRole('group', { name: text.newVersion })).toBeNull();
    await user.click(within(form).getByRole('button', { name: text.submit.edit }));
    await screen.findByText(text.notice.updated);
    expect(await kpi('TRANSF_URG')).toMatchObject({
      name: { fr: before.name.fr, en: 'ED transfers from nursing homes' },
      ratePer: 100,
      definitionVersions: before.definitionVersions,
      version: before.version + 1,
    });
  });

  it('asks for the new version’s start and a change note when the meaning changes', async () => {
    const { user } = await openCatalogue('manager');
    const before = await kpi('PPS');
    await user.click(screen.getByRole('button', { name: 'Modifier PPS' }));
    const form = editor();
    const definition = within(form).getByRole('textbox', { name: text.definitionFr });
    await user.type(definition, ' PPS devenu PPCS.');
    const version = within(form).getByRole('group', { name: text.newVersion });
    await user.click(within(form).getByRole('button', { name: text.submit.edit }));
    const from = within(version).getByRole('textbox', { name: text.versionFrom });
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(from).toHaveFocus();

    await user.type(from, '2026-04');
    await user.type(
      within(version).getByRole('textbox', { name: text.changeNote }),
      'PPS remplacé par le PPCS.',
    );
    await user.click(within(form).getByRole('button', { name: text.submit.edit }));
    await screen.findByText(text.notice.updated);
    expect((await kpi('PPS')).definitionVersions).toEqual([
      ...before.definitionVersions,
      { version: 2, validFrom: '2026-04', changeNote: 'PPS remplacé par le PPCS.' },
    ]);
    const row = screen.getByRole('row', { name: /^PPS / });
    await user.click(within(row).getByText('v2 depuis avril 2026', { selector: 'summary' }));
    expect(within(row).getByText(/PPS remplacé par le PPCS/)).toBeVisible();
  });

  it.each(['lead', 'observer', 'member'] as const)(
    'a %s reads the catalogue only',
    async (role) => {
      await openCatalogue(role);
      expect(screen.queryByRole('button', { name: text.add })).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /^Modifier/ })).not.toBeInTheDocument();
    },
  );

  it('has no axe violations, with the editor open, in English too', async () => {
    const { container, user } = await openCatalogue('manager', 'en');
    expect(screen.getByRole('button', { name: en.kpiCatalogue.add })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit PAT_INC' }));
    expect(screen.getByRole('heading', { name: 'Edit KPI PAT_INC' })).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  });
});
