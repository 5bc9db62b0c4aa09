import { useState } from "react";
import { ErrorAlert } from "../Alert.tsx";
import { useYouthSearch } from "./search-youth.ts";
import { youthDetails } from "./youth-label.ts";

/** Ticks young people of the service, found by code or first name; keeps those already ticked. */
export function YouthChooser({
  chosen,
  onChange,
  legend,
}: {
  chosen: Map<string, string>;
  onChange: (next: Map<string, string>) => void;
  legend: string;
}) {
  const [text, setText] = useState("");
  const { data, error } = useYouthSearch(text);

  function toggle(id: string, code: string) {
    const next = new Map(chosen);
    if (next.has(id)) next.delete(id);
    else next.set(id, code);
    onChange(next);
  }

  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {chosen.size > 0 && (
        <p className="muted">
          {chosen.size} jeune{chosen.size > 1 ? "s" : ""} relié{chosen.size > 1 ? "s" : ""} :{" "}
          {[...chosen.values()].join(", ")}
        </p>
      )}
      <label className="sr-only" htmlFor="youth-chooser-search">
        Rechercher un jeune par code ou prénom
      </label>
      <input
        id="youth-chooser-search"
        type="search"
        placeholder="Rechercher par code ou prénom"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
      />
      <ErrorAlert error={error} />
      <div className="choices column">
        {(data ?? []).slice(0, 12).map((youth) => (
          <label key={youth.id} className="choice">
            <input
              type="checkbox"
              checked={chosen.has(youth.id)}
              onChange={() => toggle(youth.id, youth.code)}
            />
            <strong>{youth.code}</strong> <span className="muted">{youthDetails(youth)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
