import { apiPost } from "../../shared/api.ts";
import { useMutation } from "../../shared/use-mutation.ts";

/** Resolves true once the server has taken the new password (it answers 204). */
export async function resetPassword(id: number, password: string): Promise<true> {
  await apiPost<void>(`/users/${id}/password`, { password });
  return true;
}

export function useResetPassword() {
  return useMutation(resetPassword);
}
