import { apiDelete } from "../../shared/api.ts";
import { useMutation } from "../../shared/use-mutation.ts";

/** Resolves true once the young person and their records are erased (the server answers 204). */
export async function eraseYouth(id: string): Promise<true> {
  await apiDelete(`/subjects/${encodeURIComponent(id)}`);
  return true;
}

export function useEraseYouth() {
  return useMutation(eraseYouth);
}
