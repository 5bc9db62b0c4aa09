import { CommuneField } from "../../shared/subjects/CommuneField.tsx";
import type { YouthFilters as Filters } from "./list-youth.ts";

/** Search and filters of « Mes jeunes »; every change reloads the list. */
export function YouthFilters({
  filters,
  communeName,
  onChange,
}: {
  filters: Filters;
  communeName: string | null;
  onChange: (next: Filters, communeName?: string | null) => void;
}) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <form
      className="card filters"
      role="search"
      aria-label="Rechercher et filtrer les jeunes"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor="youth-filter">Rechercher par code ou prénom</label>
        <input
          id="youth-filter"
          type="search"
          value={filters.q}
          onChange={(e) => set({ q: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="youth-active">Accompagnement</label>
        <select
          id="youth-active"
          value={filters.active}
          onChange={(e) => set({ active: e.target.value as Filters["active"] })}
        >
          <option value="">Tous les jeunes</option>
          <option value="true">Accompagnement en cours</option>
          <option value="false">Sans accompagnement en cours</option>
        </select>
      </div>
      <CommuneField
        value={
          filters.commune ? { code: filters.commune, name: communeName ?? filters.commune } : null
        }
        onChange={(commune) =>
          onChange({ ...filters, commune: commune?.code ?? "" }, commune?.name ?? null)
        }
      />
      <div className="field-row">
        <div className="field">
          <label htmlFor="youth-age-min">Âge minimum</label>
          <input
            id="youth-age-min"
            type="number"
            inputMode="numeric"
            min={0}
            value={filters.ageMin}
            onChange={(e) => set({ ageMin: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="youth-age-max">Âge maximum</label>
          <input
            id="youth-age-max"
            type="number"
            inputMode="numeric"
            min={0}
            value={filters.ageMax}
            onChange={(e) => set({ ageMax: e.target.value })}
          />
        </div>
      </div>
    </form>
  );
}
