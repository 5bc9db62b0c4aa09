import type { ReactNode } from "react";
import type { ApiError } from "./api.ts";

export function ErrorAlert({
  error,
  children,
}: {
  error: ApiError | undefined;
  children?: ReactNode;
}) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{error.message}</p>
      {children}
    </div>
  );
}

export function SuccessAlert({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Chargement {what}…
    </p>
  );
}
