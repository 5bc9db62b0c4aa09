import { checkDefinitionShape, type DefinitionError, type TableDefinition } from "./definition.ts";
import {
  checkTransitionShape,
  isTransitionDefinition,
  type TransitionTableDefinition,
} from "./trajectory-definition.ts";

// Every kind of table definition the store keeps: the regular ones (one grid,
// a measure, dimensions) and the transition tables of young people's paths
// (`kind: "transition"`).

export type AnyTableDefinition = TableDefinition | TransitionTableDefinition;

export function checkAnyDefinitionShape(raw: unknown): DefinitionError[] {
  return isTransitionDefinition(raw) ? checkTransitionShape(raw) : checkDefinitionShape(raw);
}
