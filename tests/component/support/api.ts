import { etagOf } from '@domain/problems';
import { milestoneOr404, milestonesOf } from '@server/db/queries';
import { demo, mockApi } from '@tests/support/mock-api';

/** A call to the mock API as the page would make it, for arranging data before a render. */
export async function api(method: string, path: string, body?: unknown, version?: number) {
  const headers = new Headers({ Accept: 'application/json' });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  if (version !== undefined) headers.set('If-Match', etagOf(version));
  const res = await fetch(new URL(`/api/v1${path}`, window.location.origin), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

/** An open milestone of the first consortium, whose progress can still change. */
export async function openMilestone(index = 0) {
  const consortiumId = demo.consortia[0]!.id;
  const open = (await milestonesOf(await mockApi.db(), [consortiumId])).filter(
    (m) => m.status === 'in_progress' || m.status === 'planned',
  );
  const milestone = open[index];
  if (!milestone) throw new Error(`no open milestone #${index}`);
  return milestone;
}

/** Sets a milestone's progress through the API, so the change is audited like any other. */
export async function setProgress(milestoneId: string, progress: number) {
  const current = await milestoneOr404(await mockApi.db(), milestoneId);
  const res = await api('PATCH', `/milestones/${milestoneId}`, { progress }, current.version);
  if (res.status !== 200)
    throw new Error(`PATCH failed: ${res.status} ${JSON.stringify(res.body)}`);
}
