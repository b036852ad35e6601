import type { QueryClient } from '@tanstack/react-query';
import type { Evidence, EvidenceLinkInput } from '@domain/contract/milestone';
import { API_PREFIX, buildPath, routes } from '@domain/contract/routes';
import { request, upload } from './http';
import {
  milestoneKeys,
  refreshMilestoneCopies,
  useRefreshingMutation,
  type MutationOptions,
} from './milestones';

/* Evidence filed on a milestone: links, uploaded files and their removal. */

/** Evidence changes the milestone's count and version, so the milestone itself is read again. */
function refreshAfterEvidence(queryClient: QueryClient, milestoneId: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: milestoneKeys.detail(milestoneId) }),
    refreshMilestoneCopies(queryClient, milestoneId),
  ]);
}

export interface EvidenceLinkVariables {
  milestoneId: string;
  link: EvidenceLinkInput;
}

export function useAddEvidenceLink(options: MutationOptions<Evidence, EvidenceLinkVariables> = {}) {
  return useRefreshingMutation(
    async ({ milestoneId, link }: EvidenceLinkVariables) =>
      (await request('addEvidenceLink', { params: { milestoneId }, body: link })).data,
    (queryClient, _evidence, { milestoneId }) => refreshAfterEvidence(queryClient, milestoneId),
    options,
  );
}

export interface UploadEvidenceVariables {
  milestoneId: string;
  file: File;
  /** The expected item this file answers, if any. */
  covers?: string;
}

export function useUploadEvidence(
  options: MutationOptions<Evidence, UploadEvidenceVariables> = {},
) {
  return useRefreshingMutation(
    async ({ milestoneId, file, covers }: UploadEvidenceVariables) =>
      (
        await upload('uploadEvidence', {
          params: { milestoneId },
          query: { name: file.name, covers },
          file,
        })
      ).data,
    (queryClient, _evidence, { milestoneId }) => refreshAfterEvidence(queryClient, milestoneId),
    options,
  );
}

export interface DeleteEvidenceVariables {
  milestoneId: string;
  evidenceId: string;
}

export function useDeleteEvidence(
  options: MutationOptions<{ ok: true }, DeleteEvidenceVariables> = {},
) {
  return useRefreshingMutation(
    async (params: DeleteEvidenceVariables) => (await request('deleteEvidence', { params })).data,
    (queryClient, _ok, { milestoneId }) => refreshAfterEvidence(queryClient, milestoneId),
    options,
  );
}

/** The address a download link points at; the server answers it as an attachment. */
export function evidenceDownloadHref(milestoneId: string, evidenceId: string): string {
  return API_PREFIX + buildPath(routes.downloadEvidence.path, { milestoneId, evidenceId });
}
