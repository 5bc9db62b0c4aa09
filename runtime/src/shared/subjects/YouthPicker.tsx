import { useState } from "react";
import { ErrorAlert, Loading } from "../Alert.tsx";
import type { Youth } from "../types.ts";
import { YouthForm } from "./YouthForm.tsx";
import { useYouthSearch } from "./search-youth.ts";
import { youthDetails } from "./youth-label.ts";

/** Picks the young person a record is about: search the service's list, or add one on the spot. */
export function YouthPicker({ onPick }: { onPick: (youth: Youth) => void }) {
  const [text, setText] = useState("");
  const [adding, setAdding] = useState(false);
  const { data, error, loading } = useYouthSearch(text);

  if (adding) {
    return (
      <section aria-labelledby="new-youth-title">
        <h2 id="new-youth-title">Nouveau jeune</h2>
        <YouthForm onCreated={onPick} onCancel={() => setAdding(false)} />
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="pick-youth-title">
      <h2 id="pick-youth-title">De quel jeune s'agit-il ?</h2>
      <div className="field">
        <label htmlFor="youth-search">Rechercher par code ou prénom</label>
        <input
          id="youth-search"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
      </div>
      <p>
        <button type="button" className="secondary" onClick={() => setAdding(true)}>
          Ajouter un jeune
        </button>
      </p>
      <ErrorAlert error={error} />
      {loading && <Loading what="des jeunes" />}
      {data && data.length === 0 && (
        <p className="muted">Aucun jeune ne correspond à cette recherche.</p>
      )}
      {data && data.length > 0 && (
        <ul className="pick-list">
          {data.slice(0, 30).map((youth) => (
            <li key={youth.id}>
              <button type="button" className="pick" onClick={() => onPick(youth)}>
                <strong>{youth.code}</strong>
                <span className="muted">{youthDetails(youth)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
