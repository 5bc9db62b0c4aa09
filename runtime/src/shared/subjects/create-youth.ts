import { apiPost } from "../api.ts";
import type { Sex, Youth } from "../types.ts";
import { useMutation } from "../use-mutation.ts";

export type NewYouth = {
  code?: string;
  first_name?: string;
  birth_year?: number;
  birth_month?: number;
  sex?: Sex;
  /** INSEE code. */
  commune?: string;
  neighbourhood?: string;
};

export function createYouth(input: NewYouth): Promise<Youth> {
  return apiPost<Youth>("/subjects", { kind: "youth", ...input });
}

export function useCreateYouth() {
  return useMutation(createYouth);
}
