import { errorFor, Field } from "../Field.tsx";
import { monthName } from "../dates.ts";
import { SEX_LABELS, type Sex, type Youth } from "../types.ts";
import { CommuneField, type ChosenCommune } from "./CommuneField.tsx";

// The identity of a young person, as the forms that add one and correct one
// both ask it: first name or initials, birth month/year, sex, commune,
// neighbourhood. Nothing else identifies them.

const SEXES = Object.keys(SEX_LABELS) as Sex[];

export type IdentityDraft = {
  firstName: string;
  month: string;
  year: string;
  sex: Sex | "";
  commune: ChosenCommune;
  neighbourhood: string;
};

export type Identity = {
  first_name?: string;
  birth_year?: number;
  birth_month?: number;
  sex?: Sex;
  commune?: string;
  neighbourhood?: string;
};

export function identityDraft(youth?: Youth): IdentityDraft {
  return {
    firstName: youth?.first_name ?? "",
    month: youth?.birth_month ? String(youth.birth_month) : "",
    year: youth?.birth_year ? String(youth.birth_year) : "",
    sex: youth?.sex ?? "",
    commune: youth?.commune ?? null,
    neighbourhood: youth?.neighbourhood ?? "",
  };
}

/** What the API receives: filled fields only. */
export function identityOf(draft: IdentityDraft): Identity {
  const identity: Identity = {};
  if (draft.firstName.trim()) identity.first_name = draft.firstName.trim();
  if (draft.month) identity.birth_month = Number(draft.month);
  if (draft.year) identity.birth_year = Number(draft.year);
  if (draft.sex) identity.sex = draft.sex;
  if (draft.commune) identity.commune = draft.commune.code;
  if (draft.neighbourhood.trim()) identity.neighbourhood = draft.neighbourhood.trim();
  return identity;
}

export function IdentityFields(props: {
  draft: IdentityDraft;
  onChange: (draft: IdentityDraft) => void;
  fieldErrors: { field: string; message: string }[];
  /** Radio group name, unique on the page. */
  sexGroup: string;
}) {
  const { draft, onChange, fieldErrors, sexGroup } = props;
  const set = (change: Partial<IdentityDraft>) => onChange({ ...draft, ...change });
  return (
    <>
      <Field
        label="Prénom ou initiales"
        hint="Jamais de nom de famille."
        error={errorFor(fieldErrors, "first_name")}
      >
        <input
          value={draft.firstName}
          onChange={(e) => set({ firstName: e.target.value })}
          autoComplete="off"
          maxLength={30}
        />
      </Field>
      <div className="field-row">
        <Field label="Mois de naissance" error={errorFor(fieldErrors, "birth_month")}>
          <select value={draft.month} onChange={(e) => set({ month: e.target.value })}>
            <option value="">—</option>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {monthName(i + 1)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Année de naissance" error={errorFor(fieldErrors, "birth_year")}>
          <input
            type="number"
            inputMode="numeric"
            value={draft.year}
            onChange={(e) => set({ year: e.target.value })}
            placeholder="ex. 2009"
          />
        </Field>
      </div>
      <fieldset className="field">
        <legend>Sexe</legend>
        <div className="choices">
          {SEXES.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={sexGroup}
                value={value}
                checked={draft.sex === value}
                onChange={() => set({ sex: value })}
              />
              {SEX_LABELS[value]}
            </label>
          ))}
        </div>
        {errorFor(fieldErrors, "sex") && (
          <p className="field-error">{errorFor(fieldErrors, "sex")}</p>
        )}
      </fieldset>
      <CommuneField
        value={draft.commune}
        onChange={(commune) => set({ commune })}
        error={errorFor(fieldErrors, "commune")}
      />
      <Field
        label="Quartier (facultatif)"
        hint="Le nom du quartier, jamais une adresse."
        error={errorFor(fieldErrors, "neighbourhood")}
      >
        <input
          value={draft.neighbourhood}
          onChange={(e) => set({ neighbourhood: e.target.value })}
          autoComplete="off"
          maxLength={80}
        />
      </Field>
    </>
  );
}
