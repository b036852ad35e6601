import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Milestone } from '@domain/contract/milestone';
import { milestoneOr404 } from '@server/db/queries';
import { evidenceOf } from '@server/routes/milestone-store';
import { demo, mockApi, server } from '@tests/support/mock-api';
import { en } from '@/locales/messages-en';
import { fr } from '@/locales/messages-fr';
import { renderRoute } from './render';
import { axeViolations } from './support/axe';
import { demoUser, signIn, type DemoRole } from './support/session';

const actions = fr.milestoneActions;
const edit = fr.milestoneEdit;
const evidence = fr.milestoneEvidence;

/** A milestone of the first demo consortium by its code (J0 … J11). */
function milestone(code: string): Milestone {
  const consortiumId = demo.consortia[0]!.id;
  const m = demo.milestones.find((x) => x.consortiumId === consortiumId && x.code === code);
  if (!m) throw new Error(`no milestone ${code}`);
  return m;
}

const stored = async (id: string) => milestoneOr404(await mockApi.db(), id);

async function openPage(code: string, role: DemoRole, locale: 'fr' | 'en' = 'fr') {
  await signIn(role);
  const m = milestone(code);
  const view = renderRoute(`/milestones/${m.id}`, { locale });
  await screen.findByRole('heading', { level: 1, name: m.title[locale] });
  return { ...view, m };
}

const actionsRegion = () => screen.getByRole('region', { name: actions.heading });

/** Requests the test makes itself stand for another person; the UI's are counted apart. */
let writes: { method: string; url: string }[] = [];
beforeEach(() => {
  writes = [];
  server.events.on('request:start', ({ request }) => {
    if (request.method !== 'GET' && !request.headers.has('x-test-other-person')) {
      writes.push({ method: request.method, url: request.url });
    }
  });
});
afterEach(() => server.events.removeAllListeners());

describe('milestone page', () => {
  it('shows the dates, slippage, progress, evidence checklist, thread and history', async () => {
    const { m } = await openPage('J3', 'member');
    const summary = screen.getByRole('region', { name: fr.milestonePage.summary });
    expect(within(summary).getByText(fr.milestoneStatus[m.status])).toBeInTheDocument();
    expect(within(summary).getByText(fr.milestones.baseline)).toBeInTheDocument();
    expect(within(summary).getByText(/\d+ jours?/)).toBeInTheDocument();
    const checklist = screen.getByRole('list', { name: evidence.expected });
    expect(within(checklist).getAllByRole('listitem')).toHaveLength(m.evidenceExpected.length);
    const filed = screen.getByRole('list', { name: evidence.filed });
    const files = demo.evidence.filter((e) => e.milestoneId === m.id && e.kind === 'file');
    for (const f of files) {
      const link = within(filed).getByRole('link', { name: new RegExp(f.name.slice(0, 12)) });
      expect(link).toHaveAttribute('href', `/api/v1/milestones/${m.id}/evidence/${f.id}/content`);
      expect(link).toHaveAttribute('download', f.name);
    }
    expect(screen.getByRole('heading', { name: fr.milestoneThread.heading })).toBeInTheDocument();
    const history = screen.getByRole('region', { name: fr.history.title });
    expect(await within(history).findByText(fr.history.empty)).toBeInTheDocument();
    // A member reads and comments, but changes nothing.
    expect(screen.queryByRole('button', { name: edit.open })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: actions.heading })).not.toBeInTheDocument();
    expect(
      screen.getByRole('textbox', { name: fr.milestoneThread.addComment }),
    ).toBeInTheDocument();
  });

  it('offers the lead only the lead’s transitions, never Approve', async () => {
    await openPage('J10', 'lead');
    const buttons = within(actionsRegion())
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(buttons).toEqual([actions.action.submit]);
    expect(screen.queryByRole('button', { name: actions.action.approve })).not.toBeInTheDocument();
  });

  it('offers the manager the decisions on a submitted milestone', async () => {
    await openPage('J8', 'manager');
    const buttons = within(actionsRegion())
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(buttons).toEqual([
      actions.action.approve,
      actions.action.request_changes,
      actions.action.waive,
    ]);
  });

  it('freezes a submitted milestone for its lead, who may only withdraw it', async () => {
    await openPage('J8', 'lead');
    const buttons = within(actionsRegion()).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([actions.action.withdraw]);
    expect(screen.getByText(fr.milestonePage.underReview)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: edit.open })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', {
        name: (n) => n.startsWith(`${evidence.delete} `) && n !== actions.action.withdraw,
      }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: evidence.add })).not.toBeInTheDocument();
  });

  it('lists what is missing when a submission is refused, and changes nothing', async () => {
    const { user, m } = await openPage('J10', 'lead');
    await user.click(screen.getByRole('button', { name: actions.action.submit }));
    const dialog = screen.getByRole('dialog', { name: actions.confirm.submit });
    await user.click(within(dialog).getByRole('button', { name: actions.action.submit }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Soumission refusée : il manque \d+ éléments?\./);
    for (const item of m.evidenceExpected) {
      expect(within(alert).getByText(`Pièce attendue : « ${item} »`)).toBeInTheDocument();
    }
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect((await stored(m.id)).status).toBe('in_progress');
  });

  it('requires a comment to request changes, then records it in the thread', async () => {
    const { user, m } = await openPage('J8', 'manager');
    await user.click(screen.getByRole('button', { name: actions.action.request_changes }));
    const dialog = screen.getByRole('dialog', { name: actions.confirm.request_changes });
    const comment = within(dialog).getByRole('textbox', {
      name: actions.comment.request_changes,
    });
    expect(comment).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: actions.action.request_changes }));
    expect(comment).toHaveAccessibleDescription(actions.commentRequired);
    expect(writes).toEqual([]);

    await user.type(comment, 'Il manque la règle de calcul signée.');
    await user.click(within(dialog).getByRole('button', { name: actions.action.request_changes }));
    expect(await screen.findByText(actions.done.request_changes)).toBeInTheDocument();
    expect((await stored(m.id)).status).toBe('changes_requested');
    const summary = screen.getByRole('region', { name: fr.milestonePage.summary });
    expect(
      await within(summary).findByText(fr.milestoneStatus.changes_requested),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Il manque la règle de calcul signée.', { selector: '.thread-text' }),
    ).toBeInTheDocument();
    // The audit trail names the change too, with who made it.
    const history = await screen.findByRole('table', { name: /Historique du jalon/ });
    expect(
      within(history).getByText(new RegExp(`^${demoUser('manager').name}`)),
    ).toBeInTheDocument();
  });

  it('shows the other person’s change on a conflict and re-applies the lead’s own', async () => {
    const { user, m } = await openPage('J10', 'lead');
    await user.click(screen.getByRole('button', { name: edit.open }));
    const progress = screen.getByRole('spinbutton', { name: edit.progress });
    await user.clear(progress);
    await user.type(progress, '65');

    // Someone moves the forecast date first, through the same API.
    const response = await fetch(new URL(`/api/v1/milestones/${m.id}`, window.location.origin), {
      method: 'PATCH',
      headers: {
        'Content-Type': 'application/json',
        'If-Match': `"${m.version}"`,
        'x-test-other-person': '1',
      },
      body: JSON.stringify({ forecastDate: '2026-09-15', reason: 'Retard du prestataire' }),
    });
    expect(response.status).toBe(200);

    await user.click(screen.getByRole('button', { name: edit.save }));
    const conflict = await screen.findByRole('region', { name: edit.conflict.title });
    const table = within(conflict).getByRole('table');
    expect(within(table).getByRole('rowheader', { name: edit.forecastDate })).toBeInTheDocument();
    expect(within(table).getByText('15 septembre 2026')).toBeInTheDocument();
    expect(within(table).getByText('65 %')).toBeInTheDocument();

    await user.click(within(conflict).getByRole('button', { name: edit.conflict.apply }));
    expect(await screen.findByText(edit.saved)).toBeInTheDocument();
    expect(await stored(m.id)).toMatchObject({ progress: 65, forecastDate: '2026-09-15' });
  });

  it('asks for a reason when the forecast date moves', async () => {
    const { user, m } = await openPage('J10', 'lead');
    await user.click(screen.getByRole('button', { name: edit.open }));
    const date = screen.getByLabelText(edit.forecastDate);
    fireEvent.change(date, { target: { value: '2026-09-30' } });
    await user.click(screen.getByRole('button', { name: edit.save }));
    const reason = screen.getByRole('textbox', { name: edit.reasonRequired });
    expect(reason).toHaveAccessibleDescription(`${edit.reasonHint} ${edit.errors.reasonRequired}`);
    expect(writes).toEqual([]);
    await user.type(reason, 'Recette décalée par l’hôpital');
    await user.click(screen.getByRole('button', { name: edit.save }));
    expect(await screen.findByText(edit.saved)).toBeInTheDocument();
    expect((await stored(m.id)).forecastDate).toBe('2026-09-30');
    expect(
      await screen.findByText('Recette décalée par l’hôpital', { selector: '.thread-text' }),
    ).toBeInTheDocument();
  });

  it('refuses a file of the wrong type before sending it, and a fake PDF with the server’s reason', async () => {
    const { user, m } = await openPage('J10', 'lead');
    const input = screen.getByLabelText(evidence.file);
    fireEvent.change(input, {
      target: { files: [new File(['MZ'], 'outil.exe', { type: 'application/x-msdownload' })] },
    });
    await user.click(screen.getByRole('button', { name: evidence.submit.file }));
    expect(input).toHaveAccessibleName(evidence.file);
    expect(input).toHaveAccessibleDescription(
      `${evidence.fileHint.replace('{{max}}', '10')} ${evidence.errors.type} outil.exe`,
    );
    expect(writes).toEqual([]);

    fireEvent.change(input, {
      target: { files: [new File(['not a pdf'], 'faux.pdf', { type: 'application/pdf' })] },
    });
    await user.click(screen.getByRole('button', { name: evidence.submit.file }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      fr.milestoneProblems.reason.content_mismatch,
    );
    expect(await evidenceOf(await mockApi.db(), m.id)).toEqual([]);
  });

  it('uploads a PDF against an expected item, which the checklist then shows covered', async () => {
    const { user, m } = await openPage('J10', 'lead');
    const item = m.evidenceExpected[0]!;
    await user.selectOptions(screen.getByLabelText(evidence.covers), item);
    fireEvent.change(screen.getByLabelText(evidence.file), {
      target: {
        files: [
          new File(['%PDF-1.4\n%%EOF\n'], 'Extraction juin.pdf', { type: 'application/pdf' }),
        ],
      },
    });
    await user.click(screen.getByRole('button', { name: evidence.submit.file }));
    expect(await screen.findByText('« Extraction juin.pdf » a été ajoutée.')).toBeInTheDocument();
    const filed = await screen.findByRole('list', { name: evidence.filed });
    expect(within(filed).getByRole('link', { name: /Extraction juin\.pdf/ })).toHaveAttribute(
      'download',
      'Extraction juin.pdf',
    );
    const checklist = screen.getByRole('list', { name: evidence.expected });
    await waitFor(() =>
      expect(within(checklist).getByText(item).closest('li')).toHaveTextContent(
        'Fournie : Extraction juin.pdf',
      ),
    );
  });

  it('adds a link and a comment, each named with who and when', async () => {
    const { user } = await openPage('J10', 'lead');
    await user.click(screen.getByRole('radio', { name: evidence.mode.link }));
    await user.type(screen.getByRole('textbox', { name: evidence.linkName }), 'Tableau de bord');
    await user.type(screen.getByRole('textbox', { name: evidence.url }), 'pas une adresse');
    await user.click(screen.getByRole('button', { name: evidence.submit.link }));
    expect(screen.getByRole('textbox', { name: evidence.url })).toHaveAccessibleDescription(
      evidence.errors.url,
    );
    await user.clear(screen.getByRole('textbox', { name: evidence.url }));
    await user.type(
      screen.getByRole('textbox', { name: evidence.url }),
      'https://example.org/tableau',
    );
    await user.click(screen.getByRole('button', { name: evidence.submit.link }));
    const filed = await screen.findByRole('list', { name: evidence.filed });
    expect(within(filed).getByRole('link', { name: /Tableau de bord/ })).toHaveAttribute(
      'href',
      'https://example.org/tableau',
    );

    await user.type(
      screen.getByRole('textbox', { name: fr.milestoneThread.addComment }),
      'Extraction prévue fin juin.',
    );
    await user.click(screen.getByRole('button', { name: fr.milestoneThread.send }));
    const comment = await screen.findByText('Extraction prévue fin juin.', {
      selector: '.thread-text',
    });
    const item = comment.closest('li')!;
    expect(item).toHaveTextContent(demoUser('lead').name);
    expect(within(item).getByText((_, el) => el?.tagName === 'TIME')).toBeInTheDocument();
  });

  it('passes axe and speaks English', async () => {
    const { container } = await openPage('J8', 'manager', 'en');
    expect(screen.getByRole('button', { name: en.milestoneActions.action.approve })).toBeVisible();
    expect(screen.getByRole('heading', { name: en.milestoneEvidence.heading })).toBeVisible();
    expect(await screen.findByText(en.history.empty)).toBeVisible();
    expect(await axeViolations(container)).toEqual([]);
  });
});
