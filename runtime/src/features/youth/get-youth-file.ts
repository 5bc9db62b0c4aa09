import { apiGet } from "../../shared/api.ts";
import { useApi } from "../../shared/use-api.ts";
import type { YouthFile } from "./file-types.ts";

export function getYouthFile(id: string): Promise<YouthFile> {
  return apiGet<YouthFile>(`/subjects/${encodeURIComponent(id)}/file`);
}

export function useYouthFile(id: string | undefined) {
  return useApi(id ? `youth-file:${id}` : null, () => getYouthFile(id!));
}
