import type { ReactNode } from "react";
import type { ApiError } from "./api.ts";

/**
 * The server's message. With `details`, the reason given for each field too:
 * for pages where no form field sits beside which to show it.
 */
export function ErrorAlert({
  error,
  details = false,
  children,
}: {
  error: ApiError | undefined;
  details?: boolean;
  children?: ReactNode;
}) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{error.message}</p>
      {details && error.fieldErrors.length > 0 && (
        <ul>
          {error.fieldErrors.map((e) => (
            <li key={e.field + e.message}>{e.message}</li>
          ))}
        </ul>
      )}
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
