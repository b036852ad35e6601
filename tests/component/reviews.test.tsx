import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReviewItem } from '@domain/contract/milestone';
import { milestoneOr404 } from '@server/db/queries';
import { clearReviewQueue, mockApi } from '@tests/support/mock-api';
import { en } from '@/locales/messages-en';
import { fr } from '@/locales/messages-fr';
import { renderRoute } from './render';
import { axeViolations } from './support/axe';
import { signIn } from './support/session';

/** The queue as the API answers it: the test follows the shared rule, not a copy of it. */
async function queue(): Promise<ReviewItem[]> {
  const response = await fetch(new URL('/api/v1/reviews', window.location.origin));
  return ((await response.json()) as { items: ReviewItem[] }).items;
}

async function openQueue(locale: 'fr' | 'en' = 'fr') {
  const view = renderRoute('/reviews', { locale });
  await screen.findByRole('heading', { level: 1, name: (locale === 'fr' ? fr : en).reviews.title });
  return view;
}

describe('review queue', () => {
  beforeEach(() => signIn('manager'));

  it('lists submissions oldest first, with waiting time, consortium and a link to each', async () => {
    const items = await queue();
    expect(items.length).toBeGreaterThan(0);
    await openQueue();
    const table = screen.getByRole('table', { name: /en attente de revue/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(
      items.map((i) => i.milestone.title.fr),
    );
    const first = items[0]!;
    const row = rows[0]!;
    expect(within(row).getByRole('link', { name: first.milestone.title.fr })).toHaveAttribute(
      'href',
      `/milestones/${first.milestone.id}`,
    );
    expect(within(row).getByRole('link', { name: first.consortium.name })).toBeInTheDocument();
    expect(row).toHaveTextContent(`${first.waitingDays} jour${first.waitingDays > 1 ? 's' : ''}`);
    expect(row).toHaveTextContent(first.submittedBy);
  });

  it('leads from the queue to the milestone, where the manager approves it', async () => {
    const [first] = await queue();
    const { user } = await openQueue();
    await user.click(screen.getByRole('link', { name: first!.milestone.title.fr }));
    await screen.findByRole('heading', { level: 1, name: first!.milestone.title.fr });
    expect(screen.getByRole('heading', { name: fr.milestoneEvidence.heading })).toBeVisible();

    await user.click(screen.getByRole('button', { name: fr.milestoneActions.action.approve }));
    const dialog = screen.getByRole('dialog', { name: fr.milestoneActions.confirm.approve });
    await user.click(
      within(dialog).getByRole('button', { name: fr.milestoneActions.action.approve }),
    );
    expect(await screen.findByText(fr.milestoneActions.done.approve)).toBeInTheDocument();
    expect(await milestoneOr404(await mockApi.db(), first!.milestone.id)).toMatchObject({
      status: 'approved',
      progress: 100,
    });

    await user.click(screen.getByRole('link', { name: fr.nav.reviews }));
    await screen.findByRole('heading', { level: 1, name: fr.reviews.title });
    // The cached queue was invalidated by the approval: it is read again on the way back.
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: first!.milestone.title.fr }),
      ).not.toBeInTheDocument(),
    );
  });

  it('says the queue is clear when nothing waits', async () => {
    await clearReviewQueue();
    await openQueue();
    expect(screen.getByText(fr.reviews.empty.title)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('refuses the queue to a lead: reviewing is the incubator’s job', async () => {
    await signIn('lead');
    renderRoute('/reviews');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accès refusé' }),
    ).toBeInTheDocument();
  });

  it('passes axe and speaks English', async () => {
    const { container } = await openQueue('en');
    expect(screen.getByRole('columnheader', { name: en.reviewQueue.waiting })).toBeVisible();
    expect(await axeViolations(container)).toEqual([]);
  });
});
