import type { SurveyPage } from "../../../engine/grid/types.ts";

// A page's name and title; an empty page can be removed.
export function PageForm({
  page,
  index,
  canRemove,
  onChange,
  onRemove,
}: {
  page: SurveyPage;
  index: number;
  canRemove: boolean;
  onChange: (patch: Partial<SurveyPage>) => void;
  onRemove: () => void;
}) {
  return (
    <div className="question-form">
      <h3>Page {index + 1}</h3>
      <label className="field">
        <span>Titre de la page</span>
        <input
          value={typeof page.title === "string" ? page.title : ""}
          onChange={(e) => onChange({ title: e.target.value })}
        />
      </label>
      <label className="field">
        <span>Code de la page</span>
        <input
          className="mono"
          value={page.name ?? ""}
          onChange={(e) => onChange({ name: e.target.value })}
        />
      </label>
      <button type="button" className="danger" disabled={!canRemove} onClick={onRemove}>
        Supprimer la page
      </button>
      {!canRemove && <p className="hint">Seule une page vide peut être supprimée.</p>}
    </div>
  );
}
