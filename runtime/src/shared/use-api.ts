import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "./api.ts";

export type ApiState<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
};

/**
 * Runs one GET when the component mounts and whenever `key` changes; an
 * answer that arrives after a newer request started is dropped.
 */
export function useApi<T>(key: string | null, load: () => Promise<T>): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(key !== null);
  const [round, setRound] = useState(0);
  // The latest loader, read when `key` or `round` changes: `key` names what it loads.
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    if (key === null) return;
    let current = true;
    setLoading(true);
    setError(undefined);
    loader.current().then(
      (value) => {
        if (!current) return;
        setData(value);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(asApiError(failure));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [key, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload };
}

export function asApiError(failure: unknown): ApiError {
  if (failure instanceof ApiError) return failure;
  return new ApiError(
    0,
    "client",
    "Une erreur inattendue est survenue dans la page. Rechargez-la.",
  );
}
