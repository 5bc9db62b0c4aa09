import type { GridChange } from "../../../engine/grid/diff.ts";
import { KIND_LABELS, LOGIC_LABELS } from "./labels.ts";
import { ClassBadge } from "./ui.tsx";

// A diff as people read it: one line per change, its class, before and after,
// and, when known, how many records and which tables hold the code.

export type Impact = Record<
  string,
  {
    records: { version: number; count: number }[];
    choices?: Record<string, { version: number; count: number }[]>;
    tables: { code: string; title: string }[];
  }
>;

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "oui" : "non";
  return String(value);
}

function counts(list: { version: number; count: number }[] | undefined): string {
  if (!list || list.length === 0) return "aucune fiche";
  return list.map((e) => `${e.count} fiche${e.count > 1 ? "s" : ""} en v${e.version}`).join(", ");
}

function describe(change: GridChange): string {
  const subject = change.choice ? `choix « ${change.choice} »` : "";
  const property = change.property ? `${LOGIC_LABELS[change.property] ?? change.property} : ` : "";
  if (change.kind === "question_added") return `« ${show(change.to)} »`;
  if (change.kind === "question_removed")
    return `« ${show(change.from)} » (les réponses saisies restent)`;
  if (change.kind === "choice_added") return `${subject} : « ${show(change.to)} »`;
  if (change.kind === "choice_retired") return `${subject} : « ${show(change.from)} »`;
  return `${subject}${subject ? " : " : ""}${property}${show(change.from)} → ${show(change.to)}`;
}

export function ChangeList({ changes, impact }: { changes: GridChange[]; impact?: Impact }) {
  if (changes.length === 0) return <p className="muted">Aucun changement.</p>;
  return (
    <table className="changes">
      <thead>
        <tr>
          <th scope="col">Changement</th>
          <th scope="col">Question</th>
          <th scope="col">Détail</th>
          <th scope="col">Nature</th>
          {impact && <th scope="col">Impact</th>}
        </tr>
      </thead>
      <tbody>
        {changes.map((change, index) => {
          const entry = impact?.[change.code];
          return (
            <tr key={index}>
              <td>{KIND_LABELS[change.kind]}</td>
              <td>
                <code>{change.code}</code>
              </td>
              <td>{describe(change)}</td>
              <td>
                <ClassBadge value={change.class} />
              </td>
              {impact && (
                <td>
                  {counts(entry?.records)}
                  {change.choice && entry?.choices?.[change.choice] && (
                    <div>dont ce choix : {counts(entry.choices[change.choice])}</div>
                  )}
                  {entry && entry.tables.length > 0 && (
                    <div>tableaux : {entry.tables.map((t) => t.title).join(", ")}</div>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
