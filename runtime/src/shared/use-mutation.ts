import { useCallback, useState } from "react";
import { ApiError } from "./api.ts";
import { asApiError } from "./use-api.ts";

export type Mutation<A extends unknown[], T> = {
  run: (...args: A) => Promise<T | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  reset: () => void;
};

/** Wraps one write: tracks it in flight and keeps its failure; `run` resolves undefined on failure. */
export function useMutation<A extends unknown[], T>(
  send: (...args: A) => Promise<T>,
): Mutation<A, T> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();

  const run = useCallback(
    async (...args: A) => {
      setPending(true);
      setError(undefined);
      try {
        return await send(...args);
      } catch (failure) {
        setError(asApiError(failure));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [send],
  );
  const reset = useCallback(() => setError(undefined), []);
  return { run, pending, error, reset };
}
