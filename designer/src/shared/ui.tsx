import type { ReactNode } from "react";
import type { ChangeClass } from "../../../engine/grid/diff.ts";
import type { ApiError } from "./api.ts";
import { CLASS_HELP, CLASS_LABELS } from "./labels.ts";

// Small pieces of UI shared by every feature.

export function ErrorMessage({ error }: { error?: ApiError | Error | string | null }) {
  if (!error) return null;
  const text = typeof error === "string" ? error : error.message;
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return <p className="muted">Chargement {what}…</p>;
}

export function ClassBadge({ value }: { value: ChangeClass }) {
  return (
    <span className={`badge badge-${value}`} title={CLASS_HELP[value]}>
      {CLASS_LABELS[value]}
    </span>
  );
}

export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="card">
      <header className="card-head">
        <h2>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}
