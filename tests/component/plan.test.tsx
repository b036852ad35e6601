import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MilestoneTemplate } from '@domain/contract/milestone';
import { NEXT_COHORT_MANAGER_EMAIL } from '@domain/demo/next-cohort';
import { milestonesOf } from '@server/db/queries';
import { templateOr404 } from '@server/routes/milestone-store';
import { demo, mockApi, signInAs } from '@tests/support/mock-api';
import { en } from '@/locales/messages-en';
import { fr } from '@/locales/messages-fr';
import { renderRoute } from './render';
import { axeViolations } from './support/axe';
import { signIn } from './support/session';

const plan = fr.milestonePlan;
const tpl = fr.milestoneTemplate;

/** The next cohort's manager, who plans the newly selected consortium. */
async function signInNextCohortManager() {
  await signInAs(demo.users.find((u) => u.email === NEXT_COHORT_MANAGER_EMAIL)!);
}

/** The demo's newly selected consortium: no plan yet. */
async function newcomer() {
  await signInNextCohortManager();
  const consortium = demo.consortia.find(
    (c) => !demo.milestonePlans.some((p) => p.consortiumId === c.id),
  );
  if (!consortium) throw new Error('the demo has no consortium without a plan');
  return consortium;
}

const storedMilestones = async (consortiumId: string) =>
  milestonesOf(await mockApi.db(), [consortiumId]);

async function openConsortium(id: string, name: string, locale: 'fr' | 'en' = 'fr') {
  const view = renderRoute(`/consortia/${id}`, { locale });
  await screen.findByRole('heading', { level: 1, name });
  const panel = () =>
    screen.getByRole('region', { name: (locale === 'fr' ? fr : en).milestonePlan.heading });
  return { ...view, panel };
}

/** The template of the programme shown: the running one, or the next cohort's for its manager. */
async function template(programmeId = 'pascaline'): Promise<MilestoneTemplate> {
  return templateOr404(await mockApi.db(), programmeId);
}

describe('milestone plan on the consortium page', () => {
  beforeEach(() => signIn('manager'));

  it('applies the template, deletes a draft milestone, then approves the plan', async () => {
    const c = await newcomer();
    const { user, panel } = await openConsortium(c.id, c.name);
    expect(within(panel()).getByText(plan.status.none)).toBeInTheDocument();
    expect(within(panel()).queryByRole('button', { name: plan.approve })).not.toBeInTheDocument();

    await user.click(within(panel()).getByRole('button', { name: plan.apply }));
    expect(await within(panel()).findByText(plan.done.applied)).toBeInTheDocument();
    expect(within(panel()).getByText(plan.status.draft)).toBeInTheDocument();
    expect(await storedMilestones(c.id)).toHaveLength((await template(c.programmeId)).items.length);
    const draft = within(panel()).getByRole('list', { name: plan.draftList });
    expect(within(draft).getAllByRole('listitem')).toHaveLength(
      (await template(c.programmeId)).items.length,
    );

    const first = within(draft).getAllByRole('listitem')[0]!;
    const doomed = (await storedMilestones(c.id)).find((m) =>
      first.textContent.includes(m.title.fr),
    )!;
    await user.click(within(first).getByRole('button', { name: new RegExp(`^${plan.delete}`) }));
    const confirmDelete = screen.getByRole('alertdialog', { name: plan.deleteTitle });
    await user.click(within(confirmDelete).getByRole('button', { name: plan.delete }));
    expect(await within(panel()).findByText(plan.done.deleted)).toBeInTheDocument();
    expect((await storedMilestones(c.id)).map((m) => m.id)).not.toContain(doomed.id);

    await user.click(within(panel()).getByRole('button', { name: plan.approve }));
    const confirmApprove = screen.getByRole('alertdialog', { name: plan.approveTitle });
    expect(within(confirmApprove).getByRole('button', { name: fr.common.cancel })).toHaveFocus();
    await user.click(within(confirmApprove).getByRole('button', { name: plan.approve }));
    expect(await within(panel()).findByText(plan.done.approved)).toBeInTheDocument();
    expect(within(panel()).getByText(plan.status.approved)).toBeInTheDocument();
    for (const m of await storedMilestones(c.id)) expect(m.baselineDate).toBe(m.forecastDate);
  });

  it('adds a milestone, checked against the contract first', async () => {
    const c = await newcomer();
    const { user, panel } = await openConsortium(c.id, c.name);
    await user.click(within(panel()).getByRole('button', { name: plan.add }));
    await user.click(within(panel()).getByRole('button', { name: plan.create }));
    expect(
      within(panel()).getByRole('textbox', { name: plan.fields.code }),
    ).toHaveAccessibleDescription(plan.errors.code);
    expect(await storedMilestones(c.id)).toEqual([]);

    await user.type(within(panel()).getByRole('textbox', { name: plan.fields.code }), 'x1');
    await user.type(
      within(panel()).getByRole('textbox', { name: plan.fields.titleFr }),
      'Atelier patients',
    );
    await user.type(
      within(panel()).getByRole('textbox', { name: plan.fields.titleEn }),
      'Patient workshop',
    );
    await user.type(
      within(panel()).getByRole('textbox', { name: plan.fields.evidenceExpected }),
      'Compte rendu{Enter}Liste des participants',
    );
    await user.click(within(panel()).getByRole('button', { name: plan.create }));
    expect(await within(panel()).findByText(plan.done.created)).toBeInTheDocument();
    expect(await storedMilestones(c.id)).toEqual([
      expect.objectContaining({
        code: 'X1',
        title: { fr: 'Atelier patients', en: 'Patient workshop' },
        evidenceExpected: ['Compte rendu', 'Liste des participants'],
      }),
    ]);
    expect(await screen.findByRole('link', { name: 'Atelier patients' })).toBeInTheDocument();
  });

  it('shows a lead the plan’s status without the manager’s actions', async () => {
    await signIn('lead');
    const c = demo.consortia[0]!;
    const { panel } = await openConsortium(c.id, c.name);
    expect(within(panel()).getByText(plan.status.approved)).toBeInTheDocument();
    expect(within(panel()).queryAllByRole('button')).toEqual([]);
  });

  it('passes axe and speaks English', async () => {
    const c = await newcomer();
    const { container, panel } = await openConsortium(c.id, c.name, 'en');
    expect(within(panel()).getByRole('button', { name: en.milestonePlan.apply })).toBeVisible();
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('milestone template in administration', () => {
  beforeEach(() => signIn('manager'));

  async function openTemplate(locale: 'fr' | 'en' = 'fr') {
    const view = renderRoute('/admin/milestone-template', { locale });
    await screen.findByRole('heading', {
      name: (locale === 'fr' ? fr : en).milestoneTemplate.heading,
    });
    return view;
  }

  const item = async (index: number) => {
    const t = (await template()).items[index]!;
    return screen.getByRole('group', {
      name: tpl.itemName
        .replace('{{n}}', String(index + 1))
        .replace('{{code}}', t.code)
        .replace('{{title}}', t.title.fr),
    });
  };

  it('lists every phase with its fields and saves a change with If-Match', async () => {
    const { user } = await openTemplate();
    expect(screen.getAllByRole('group', { name: /^Phase \d+/ })).toHaveLength(
      (await template()).items.length,
    );
    const first = (await template()).items[0]!;
    const title = within(await item(0)).getByRole('textbox', { name: tpl.fields.titleEn });
    expect(title).toHaveValue(first.title.en);
    await user.clear(title);
    await user.type(title, 'Selection by the jury');
    const version = (await template()).version;
    await user.click(screen.getByRole('button', { name: tpl.save }));
    expect(await screen.findByText(tpl.done.saved)).toBeInTheDocument();
    expect(await template()).toMatchObject({ version: version + 1 });
    expect((await template()).items[0]!.title.en).toBe('Selection by the jury');
  });

  it('reorders, removes and adds phases, refusing duplicate codes', async () => {
    const { user } = await openTemplate();
    const codes = (await template()).items.map((i) => i.code);
    await user.click(
      within(await item(1)).getByRole('button', { name: new RegExp(`^${tpl.moveUp}`) }),
    );
    await user.click(screen.getByRole('button', { name: tpl.addItem }));
    const added = screen.getAllByRole('group', { name: /^Phase \d+/ }).at(-1)!;
    await user.type(within(added).getByRole('textbox', { name: tpl.fields.code }), codes[0]!);
    await user.type(within(added).getByRole('textbox', { name: tpl.fields.titleFr }), 'Bilan');
    await user.type(within(added).getByRole('textbox', { name: tpl.fields.titleEn }), 'Review');
    await user.click(screen.getByRole('button', { name: tpl.save }));
    expect(await screen.findByRole('alert')).toHaveTextContent(tpl.listErrors.duplicateCodes);

    await user.clear(within(added).getByRole('textbox', { name: tpl.fields.code }));
    await user.type(within(added).getByRole('textbox', { name: tpl.fields.code }), 'J99');
    await user.click(within(added).getByRole('button', { name: new RegExp(`^${tpl.remove}`) }));
    await user.click(screen.getByRole('button', { name: tpl.save }));
    expect(await screen.findByText(tpl.done.saved)).toBeInTheDocument();
    expect((await template()).items.map((i) => i.code)).toEqual([
      codes[1],
      codes[0],
      ...codes.slice(2),
    ]);
  });

  it('shows what differs when someone saved first, and re-applies on request', async () => {
    const { user } = await openTemplate();
    const current = await template();
    const response = await fetch(
      new URL(
        `/api/v1/programmes/${current.programmeId}/milestone-template`,
        window.location.origin,
      ),
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-Match': `"${current.version}"` },
        body: JSON.stringify({ items: current.items.slice(0, -1) }),
      },
    );
    expect(response.status).toBe(200);

    const title = within(await item(0)).getByRole('textbox', { name: tpl.fields.titleFr });
    await user.clear(title);
    await user.type(title, 'Sélection');
    await user.click(screen.getByRole('button', { name: tpl.save }));
    const conflict = await screen.findByRole('region', { name: tpl.conflict.title });
    const table = within(conflict).getByRole('table');
    expect(
      within(table).getByRole('rowheader', { name: current.items[0]!.code }),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('rowheader', { name: current.items.at(-1)!.code }),
    ).toBeInTheDocument();
    expect(within(table).getByText(tpl.conflict.absent)).toBeInTheDocument();

    await user.click(
      within(conflict).getByRole('button', { name: fr.milestoneEdit.conflict.apply }),
    );
    expect(await screen.findByText(tpl.done.saved)).toBeInTheDocument();
    expect((await template()).items).toHaveLength(current.items.length);
    expect((await template()).items[0]!.title.fr).toBe('Sélection');
  });

  it('passes axe and speaks English', async () => {
    const { container } = await openTemplate('en');
    expect(screen.getByRole('link', { name: en.milestoneTemplate.tab })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
