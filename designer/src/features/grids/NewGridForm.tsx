import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { GRID_SUBJECTS, type GridSubject } from "../../../../engine/grid/types.ts";
import { SUBJECT_LABELS } from "../../shared/labels.ts";
import { ErrorMessage } from "../../shared/ui.tsx";
import { createGrid } from "./grids-api.ts";

// A grid the product did not ship with: code, title, subject, and a first
// question to start from. It opens as a draft.

const STARTER = {
  locale: "fr",
  pages: [
    {
      name: "page1",
      title: "Page 1",
      elements: [{ type: "text", name: "premiere_question", title: "Première question" }],
    },
  ],
};

export function NewGridForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const [code, setCode] = useState("");
  const [title, setTitle] = useState("");
  const [subject, setSubject] = useState<GridSubject>("youth");
  const [error, setError] = useState<Error | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await createGrid({ code, title, subject, survey: STARTER });
      navigate(`/grilles/${code}/brouillon`);
    } catch (failure) {
      setError(failure as Error);
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-label="Nouvelle grille">
      <h2>Nouvelle grille</h2>
      <label className="field">
        <span>Code (minuscules, chiffres et « _ »)</span>
        <input
          className="mono"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          required
          pattern="[a-z][a-z0-9_]*"
        />
      </label>
      <label className="field">
        <span>Titre</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <label className="field">
        <span>Chaque fiche concerne</span>
        <select value={subject} onChange={(e) => setSubject(e.target.value as GridSubject)}>
          {GRID_SUBJECTS.map((s) => (
            <option key={s} value={s}>
              {SUBJECT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage error={error} />
      <div className="row">
        <button type="submit" className="primary">
          Créer la grille
        </button>
        <button type="button" className="link" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
