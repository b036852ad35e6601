import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { programmeOr404 } from '@server/db/queries';
import { demo, mockApi, server } from '@tests/support/mock-api';
import { en } from '@/locales/messages-en';
import { renderRoute } from './render';
import { api } from './support/api';
import { signIn } from './support/session';

const text = en.admin;
const programmeId = demo.programmes[0]!.id;
const field = (name: string) => screen.getByRole('textbox', { name });

beforeEach(async () => {
  await signIn('manager');
});

async function openEditor() {
  const view = renderRoute('/admin', { locale: 'en' });
  await view.user.click(await screen.findByRole('button', { name: text.edit }));
  return view;
}

async function replace(user: ReturnType<typeof renderRoute>['user'], name: string, value: string) {
  await user.clear(field(name));
  await user.type(field(name), value);
}

/** The next save is refused on `field`, as the server words a contract issue. */
function refuseNextSave(field: string, code: string) {
  server.use(
    http.patch(
      '*/api/v1/programmes/:id',
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

describe('the programme settings form (react-hook-form)', () => {
  it('says what is wrong beside each field, in English, and leads to the first one', async () => {
    const { user } = await openEditor();
    await user.clear(field(text.fields.name));
    await replace(user, text.fields.slippageToleranceDays, 'soon');
    await user.click(screen.getByRole('button', { name: text.save }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual([
      `#${field(text.fields.name).id}`,
      `#${field(text.fields.slippageToleranceDays).id}`,
    ]);
    expect(field(text.fields.name)).toHaveAccessibleDescription(text.errors.required);
    expect(field(text.fields.slippageToleranceDays)).toHaveAccessibleDescription(
      expect.stringContaining(text.errors.integer) as string,
    );
    await user.click(links[0]!);
    expect(field(text.fields.name)).toHaveFocus();
  });

  it('shows a 422 from the server beside its field', async () => {
    const { user } = await openEditor();
    await replace(user, text.fields.funder, 'Région Hauts-de-France');
    refuseNextSave('funder', 'too_big');
    await user.click(screen.getByRole('button', { name: text.save }));

    expect(await screen.findByText('200 characters at most.')).toBeInTheDocument();
    const funder = field(text.fields.funder);
    expect(funder).toHaveAttribute('aria-invalid', 'true');
    expect(funder).toHaveAccessibleDescription('200 characters at most.');
    expect(funder).toHaveValue('Région Hauts-de-France');
  });

  it('keeps everything the manager typed through a conflict and a refused "apply mine"', async () => {
    const { user } = await openEditor();
    await replace(user, text.fields.name, 'Pascaline 2026');
    await replace(user, text.fields.smallCountThreshold, ' 8 ');
    const choices = screen.getByRole('group', { name: text.fields.leadsSetTargets });
    await user.click(within(choices).getByRole('radio', { name: text.targetsByLeads }));
    const stored = await programmeOr404(await mockApi.db(), programmeId);
    expect(
      (await api('PATCH', `/programmes/${programmeId}`, { funder: 'Theirs' }, stored.version))
        .status,
    ).toBe(200);
    await user.click(screen.getByRole('button', { name: text.save }));

    const table = await screen.findByRole('table', { name: /Their version/ });
    expect(within(table).getByRole('row', { name: /Pascaline 2026/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /^Small-count threshold/ })).toHaveTextContent(
      '8',
    );

    refuseNextSave('name', 'too_big');
    await user.click(screen.getByRole('button', { name: text.conflict.apply }));

    const name = await screen.findByRole('textbox', { name: text.fields.name });
    expect(name).toHaveValue('Pascaline 2026');
    expect(name).toHaveAccessibleDescription('200 characters at most.');
    expect(field(text.fields.smallCountThreshold)).toHaveValue(' 8 ');
    expect(screen.getByRole('radio', { name: text.targetsByLeads })).toBeChecked();
    // Their funder, which the manager did not touch, is what the form now starts from.
    expect(field(text.fields.funder)).toHaveValue('Theirs');
  });
});
