import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { templateOr404 } from '@server/routes/milestone-store';
import { mockApi, server } from '@tests/support/mock-api';
import { en } from '@/locales/messages-en';
import { renderRoute } from './render';
import { api } from './support/api';
import { signIn } from './support/session';

const tpl = en.milestoneTemplate;

const stored = async () => templateOr404(await mockApi.db(), 'pascaline');

async function openTemplate() {
  const view = renderRoute('/admin/milestone-template', { locale: 'en' });
  await screen.findByRole('heading', { name: tpl.heading });
  return view;
}

/** The fieldset of the phase at `index`, whatever its legend says by now. */
const phase = (index: number) => screen.getAllByRole('group', { name: /^Phase \d+/ })[index]!;
const field = (index: number, name: string) => within(phase(index)).getByRole('textbox', { name });

/** The next save is refused on `field`, as the server words one of its rules. */
function refuseNextSave(field: string, code: string) {
  server.use(
    http.put(
      '*/api/v1/programmes/:programmeId/milestone-template',
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

describe('the milestone template form (react-hook-form)', () => {
  beforeEach(() => signIn('manager'));

  it('says an empty title is wrong beside the field, in English, and focuses it', async () => {
    const { user } = await openTemplate();
    await user.clear(field(1, tpl.fields.titleFr));
    await user.click(screen.getByRole('button', { name: tpl.save }));

    const title = field(1, tpl.fields.titleFr);
    expect(title).toHaveFocus();
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription(tpl.errors.titleFr);
    expect(screen.getByRole('alert')).toHaveTextContent(
      tpl.itemsInvalid_one.replace('{{count}}', '1'),
    );
  });

  it("shows a 422 on one phase's field beside it and focuses it", async () => {
    const { user } = await openTemplate();
    await user.type(field(2, tpl.fields.titleEn), ' (revised)');
    refuseNextSave('items.2.title.en', 'text_invalid_character');
    await user.click(screen.getByRole('button', { name: tpl.save }));

    const title = field(2, tpl.fields.titleEn);
    expect(await screen.findByText(tpl.errors.invalidCharacter)).toBeInTheDocument();
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription(tpl.errors.invalidCharacter);
    expect(title).toHaveFocus();
    expect(title).toHaveValue(`${(await stored()).items[2]!.title.en} (revised)`);
    expect(field(1, tpl.fields.titleEn)).not.toHaveAttribute('aria-invalid');
  });

  it('keeps everything typed through a conflict and a refused "apply mine"', async () => {
    const { user } = await openTemplate();
    await user.clear(field(0, tpl.fields.titleEn));
    await user.type(field(0, tpl.fields.titleEn), 'Selection by the jury');
    await user.click(screen.getByRole('button', { name: tpl.addItem }));
    const added = screen.getAllByRole('group', { name: /^Phase \d+/ }).length - 1;
    await user.type(field(added, tpl.fields.code), 'J99');
    await user.type(field(added, tpl.fields.titleFr), 'Bilan');
    await user.type(field(added, tpl.fields.titleEn), 'Review');
    const current = await stored();
    const other = await api(
      'PUT',
      `/programmes/${current.programmeId}/milestone-template`,
      { items: current.items.slice(0, -1) },
      current.version,
    );
    expect(other.status).toBe(200);
    await user.click(screen.getByRole('button', { name: tpl.save }));

    const conflict = await screen.findByRole('region', { name: tpl.conflict.title });
    const table = within(conflict).getByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'J99' })).toBeInTheDocument();
    expect(within(table).getByText('Selection by the jury')).toBeInTheDocument();

    refuseNextSave(`items.${added}.title.fr`, 'too_big');
    await user.click(
      within(conflict).getByRole('button', { name: en.milestoneEdit.conflict.apply }),
    );

    const refused = field(added, tpl.fields.titleFr);
    expect(await screen.findByText(tpl.errors.titleFr)).toBeInTheDocument();
    expect(refused).toHaveAttribute('aria-invalid', 'true');
    expect(refused).toHaveValue('Bilan');
    expect(field(added, tpl.fields.code)).toHaveValue('J99');
    expect(field(added, tpl.fields.titleEn)).toHaveValue('Review');
    expect(field(0, tpl.fields.titleEn)).toHaveValue('Selection by the jury');
    expect(screen.getAllByRole('group', { name: /^Phase \d+/ })).toHaveLength(added + 1);
  });
});
