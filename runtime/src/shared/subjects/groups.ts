import { apiGet, apiPost, query } from "../api.ts";
import type { Sex } from "../types.ts";
import { useApi } from "../use-api.ts";
import { useMutation } from "../use-mutation.ts";

// Families and collective actions: the subjects of family-work and action
// grids. Each groups young people of the service (engine/store/subject-groups.ts).

export type GroupKind = "family" | "action";

export type Group = {
  id: string;
  kind: GroupKind;
  code: string;
  title: string | null;
  starts_on: string | null;
  ends_on: string | null;
  youth?: { id: string; code: string; first_name: string | null }[];
  participants?: { linked_youth: number; anonymous: number; total: number };
};

export type AnonymousCounts = Partial<Record<Sex, Record<string, number>>>;

export type NewGroup = {
  kind: GroupKind;
  youth: string[];
  title?: string;
  starts_on?: string;
  ends_on?: string;
  anonymous_participants?: AnonymousCounts;
};

export function searchGroups(kind: GroupKind, text: string): Promise<Group[]> {
  return apiGet<Group[]>(`/subjects${query({ kind, q: text.trim() })}`);
}

export function useGroupSearch(kind: GroupKind, text: string) {
  return useApi(`groups:${kind}:${text.trim()}`, () => searchGroups(kind, text));
}

export function createGroup(input: NewGroup): Promise<Group> {
  return apiPost<Group>("/subjects", input);
}

export function useCreateGroup() {
  return useMutation(createGroup);
}

/** The age bands of the shared list `tranches_age`, as the action's counts use them. */
export const AGE_BANDS = [
  { code: "moins_11", label: "Moins de 11 ans" },
  { code: "de_11_15", label: "11-15 ans" },
  { code: "de_16_17", label: "16-17 ans" },
  { code: "de_18_21", label: "18-21 ans" },
  { code: "de_22_25", label: "22-25 ans" },
  { code: "plus_25", label: "Plus de 25 ans" },
] as const;

export const GROUP_WORDS: Record<
  GroupKind,
  { one: string; the: string; add: string; question: string }
> = {
  family: {
    one: "une famille",
    the: "Famille",
    add: "Créer une famille",
    question: "De quelle famille s'agit-il ?",
  },
  action: {
    one: "une action collective",
    the: "Action collective",
    add: "Créer une action collective",
    question: "De quelle action collective s'agit-il ?",
  },
};
