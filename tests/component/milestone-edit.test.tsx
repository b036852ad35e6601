import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { milestoneOr404 } from '@server/db/queries';
import { demo, mockApi, server } from '@tests/support/mock-api';
import { en } from '@/locales/messages-en';
import { renderRoute } from './render';
import { api } from './support/api';
import { signIn } from './support/session';

const edit = en.milestoneEdit;
const m = demo.milestones.find(
  (x) => x.consortiumId === demo.consortia[0]!.id && x.code === 'J10',
)!;

async function openEditor() {
  await signIn('lead');
  const view = renderRoute(`/milestones/${m.id}`, { locale: 'en' });
  await view.user.click(await screen.findByRole('button', { name: edit.open }));
  return view;
}

const progress = () => screen.getByRole('spinbutton', { name: edit.progress });

/** The next save is refused on `field`, as the server words one of its rules. */
function refuseNextSave(field: string, code: string) {
  server.use(
    http.patch(
      '*/api/v1/milestones/:id',
      () =>
        HttpResponse.json(
          {
            error: {
              code: 'validation_failed',
              message: `Invalid body: ${field}`,
              details: { issues: [{ field, code, message: 'Refused' }] },
            },
          },
          { status: 422 },
        ),
      { once: true },
    ),
  );
}

describe('the milestone progress form (react-hook-form)', () => {
  it('says what is wrong beside the field, in English, and focuses it', async () => {
    const { user } = await openEditor();
    await user.clear(progress());
    await user.type(progress(), '150');
    await user.click(screen.getByRole('button', { name: edit.save }));

    expect(progress()).toHaveFocus();
    expect(progress()).toHaveAttribute('aria-invalid', 'true');
    expect(progress()).toHaveAccessibleDescription(edit.errors.progressRange);
  });

  it('shows a 422 from the server beside its field and focuses it', async () => {
    const { user } = await openEditor();
    fireEvent.change(screen.getByLabelText(edit.forecastDate), {
      target: { value: '2026-10-01' },
    });
    await user.type(screen.getByRole('textbox', { name: edit.reasonRequired }), 'Late supplier');
    refuseNextSave('forecastDate', 'outside_consortium');
    await user.click(screen.getByRole('button', { name: edit.save }));

    const date = screen.getByLabelText(edit.forecastDate);
    expect(await screen.findByText(/must fall within the consortium’s period/)).toBeInTheDocument();
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveFocus();
    expect(date).toHaveValue('2026-10-01');
  });

  it('keeps everything the user typed through a conflict and a refused "apply mine"', async () => {
    const { user } = await openEditor();
    await user.clear(progress());
    await user.type(progress(), '65');
    fireEvent.change(screen.getByLabelText(edit.forecastDate), {
      target: { value: '2026-10-01' },
    });
    await user.type(screen.getByRole('textbox', { name: edit.reasonRequired }), 'Late supplier');
    const stored = await milestoneOr404(await mockApi.db(), m.id);
    const other = await api('PATCH', `/milestones/${m.id}`, { progress: 40 }, stored.version);
    expect(other.status).toBe(200);
    await user.click(screen.getByRole('button', { name: edit.save }));

    const conflict = await screen.findByRole('region', { name: edit.conflict.title });
    expect(within(conflict).getByText('65%')).toBeInTheDocument();

    refuseNextSave('forecastDate', 'outside_consortium');
    await user.click(within(conflict).getByRole('button', { name: edit.conflict.apply }));

    expect(await screen.findByText(/must fall within the consortium’s period/)).toBeInTheDocument();
    expect(progress()).toHaveValue(65);
    expect(screen.getByLabelText(edit.forecastDate)).toHaveValue('2026-10-01');
    expect(screen.getByRole('textbox', { name: edit.reasonRequired })).toHaveValue('Late supplier');
  });
});
