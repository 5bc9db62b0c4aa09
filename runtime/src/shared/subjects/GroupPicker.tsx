import { useState } from "react";
import { ErrorAlert, Loading } from "../Alert.tsx";
import { formatDate } from "../dates.ts";
import { GROUP_WORDS, useGroupSearch, type Group, type GroupKind } from "./groups.ts";
import { GroupForm } from "./GroupForm.tsx";

/** How a family or an action is named in lists. */
export function groupLabel(group: Group): string {
  if (group.kind === "family") return `Famille ${group.code}`;
  return `${group.title ?? group.code}${group.starts_on ? ` (${formatDate(group.starts_on)})` : ""}`;
}

/** Picks the family or collective action a record is about, or creates one on the spot. */
export function GroupPicker({ kind, onPick }: { kind: GroupKind; onPick: (group: Group) => void }) {
  const [text, setText] = useState("");
  const [adding, setAdding] = useState(false);
  const { data, error, loading } = useGroupSearch(kind, text);
  const words = GROUP_WORDS[kind];

  if (adding) {
    return (
      <section aria-labelledby="new-group-title">
        <h2 id="new-group-title">{words.add}</h2>
        <GroupForm kind={kind} onCreated={onPick} onCancel={() => setAdding(false)} />
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="pick-group-title">
      <h2 id="pick-group-title">{words.question}</h2>
      <div className="field">
        <label htmlFor="group-search">
          {kind === "family" ? "Rechercher par code" : "Rechercher par intitulé ou code"}
        </label>
        <input
          id="group-search"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
      </div>
      <p>
        <button type="button" className="secondary" onClick={() => setAdding(true)}>
          {words.add}
        </button>
      </p>
      <ErrorAlert error={error} />
      {loading && <Loading what="de la liste" />}
      {data && data.length === 0 && <p className="muted">Aucun résultat : créez-en une.</p>}
      {data && data.length > 0 && (
        <ul className="pick-list">
          {data.slice(0, 30).map((group) => (
            <li key={group.id}>
              <button type="button" className="pick" onClick={() => onPick(group)}>
                <strong>{groupLabel(group)}</strong>
                <span className="muted">{group.code}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
