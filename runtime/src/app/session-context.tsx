import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { onUnauthenticated } from "../shared/api.ts";
import { ApiError } from "../shared/api.ts";
import { asApiError } from "../shared/use-api.ts";
import { deleteSession } from "../features/session/delete-session.ts";
import { getSession } from "../features/session/get-session.ts";
import type { Session } from "../features/session/types.ts";

type SessionState =
  | { status: "loading" }
  | { status: "failed"; error: ApiError }
  | { status: "anonymous" }
  | { status: "signed-in"; session: Session };

type SessionContextValue = {
  state: SessionState;
  signedIn: (session: Session) => void;
  signOut: () => Promise<void>;
  retry: () => void;
};

const SessionContext = createContext<SessionContextValue | null>(null);

/** Asks the server who is signed in on page load, and forgets the session on any 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [round, setRound] = useState(0);

  useEffect(() => {
    onUnauthenticated(() => setState({ status: "anonymous" }));
    return () => onUnauthenticated(null);
  }, []);

  useEffect(() => {
    let current = true;
    getSession().then(
      (session) =>
        current && setState(session ? { status: "signed-in", session } : { status: "anonymous" }),
      (failure: unknown) => current && setState({ status: "failed", error: asApiError(failure) }),
    );
    return () => {
      current = false;
    };
  }, [round]);

  const signedIn = useCallback(
    (session: Session) => setState({ status: "signed-in", session }),
    [],
  );
  const signOut = useCallback(async () => {
    await deleteSession();
    setState({ status: "anonymous" });
  }, []);
  const retry = useCallback(() => {
    setState({ status: "loading" });
    setRound((n) => n + 1);
  }, []);

  return (
    <SessionContext.Provider value={{ state, signedIn, signOut, retry }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
