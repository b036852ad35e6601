import { it } from 'vitest';
import { mockStore } from '@mocks/node';

it('smoke', () => {
  console.log(mockStore.data.consortia.map((c) => `${c.id} ${c.startDate} ${c.endDate}`).join('\n'));
  console.log(JSON.stringify(mockStore.data.milestonePlans));
});
