import { useCallback, useEffect, useState } from "react";
import { ApiError } from "./api.ts";

// Loads data once (and again on reload()), with its error as a French message.
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [tick, setTick] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);

  useEffect(() => {
    let live = true;
    setError(undefined);
    run()
      .then((value) => live && setData(value))
      .catch((failure: unknown) => {
        if (!live) return;
        setError(
          failure instanceof ApiError ? failure : new ApiError(0, "unknown", String(failure)),
        );
      });
    return () => {
      live = false;
    };
  }, [run, tick]);

  return { data, error, setData, reload: () => setTick((t) => t + 1) };
}
