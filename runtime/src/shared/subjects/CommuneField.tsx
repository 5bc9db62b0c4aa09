import { useId, useState } from "react";
import { useCommuneSearch, type Commune } from "./search-communes.ts";

export type ChosenCommune = { code: string; name: string } | null;

/**
 * Picks a commune from the official list: type a few letters of its name (or
 * its INSEE code), then choose it. The value is the INSEE code.
 */
export function CommuneField({
  value,
  onChange,
  error,
}: {
  value: ChosenCommune;
  onChange: (commune: ChosenCommune) => void;
  error?: string;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const { data, loading } = useCommuneSearch(value ? "" : text);
  const errorId = error ? `${id}-error` : undefined;

  function choose(commune: Commune) {
    onChange({ code: commune.code, name: commune.name });
    setText("");
  }

  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>Commune de résidence</label>
      {value ? (
        <div className="chosen-value">
          <span>
            <strong>{value.name}</strong> <span className="muted">({value.code})</span>
          </span>
          <button type="button" className="link" onClick={() => onChange(null)}>
            Changer de commune
          </button>
        </div>
      ) : (
        <>
          <input
            id={id}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(" ")}
          />
          <p className="hint" id={`${id}-hint`}>
            Tapez le début du nom de la commune, puis choisissez-la dans la liste. Pas d'adresse.
          </p>
          {loading && (
            <p className="muted" role="status">
              Recherche…
            </p>
          )}
          {data && text.trim().length >= 2 && data.length === 0 && (
            <p className="muted">Aucune commune ne correspond.</p>
          )}
          {data && data.length > 0 && text.trim().length >= 2 && (
            <ul className="pick-list" aria-label="Communes trouvées">
              {data.slice(0, 8).map((commune) => (
                <li key={commune.code}>
                  <button type="button" className="pick" onClick={() => choose(commune)}>
                    {commune.name} ({commune.code})
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
