// Regex validators run on the server (survey-core) for every submission, on
// one thread: a pattern that backtracks catastrophically (`^(a+)+$`) blocks
// every request for seconds. This check is deliberately conservative: it
// refuses the shapes that can blow up, and the grids only need simple codes.

export const MAX_PATTERN_LENGTH = 200;

export type UnsafePatternReason =
  "too_long" | "invalid" | "backreference" | "nested_quantifier" | "overlapping_alternation";

interface OpenGroup {
  /** Index of the first character inside the group. */
  start: number;
  /** Indices of the top-level `|` of this group. */
  bars: number[];
  /** A variable quantifier somewhere inside (`+`, `*`, `?`, `{1,3}`). */
  varies: boolean;
}

interface Quantifier {
  length: number;
  /** Repeats more than once: `+`, `*`, `{2}`, `{1,}`, `{0,9}`. */
  repeats: boolean;
  /** Matches a variable number of times: everything but `{n}`. */
  varies: boolean;
}

/** The quantifier starting at `i`, if any (a lazy `?` suffix included). */
function quantifierAt(pattern: string, i: number): Quantifier | undefined {
  const char = pattern[i];
  let quantifier: Quantifier | undefined;
  if (char === "*" || char === "+") quantifier = { length: 1, repeats: true, varies: true };
  else if (char === "?") quantifier = { length: 1, repeats: false, varies: true };
  else if (char === "{") {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
    if (!match) return undefined;
    const low = Number(match[1]);
    const high = match[2] === undefined ? low : match[3] === "" ? Infinity : Number(match[3]);
    quantifier = { length: match[0].length, repeats: high > 1, varies: high !== low };
  }
  if (quantifier && pattern[i + quantifier.length] === "?") quantifier.length += 1;
  return quantifier;
}

/** Index just after the character class opening at `i` (`[...]`). */
function classEnd(pattern: string, i: number): number {
  let j = i + 1;
  if (pattern[j] === "^") j += 1;
  if (pattern[j] === "]") j += 1;
  while (j < pattern.length && pattern[j] !== "]") j += pattern[j] === "\\" ? 2 : 1;
  return j + 1;
}

/** The first atom of an alternation branch, as written: `a`, `\d`, `[0-9]`, `.`. */
function firstAtom(branch: string): string {
  if (branch === "") return "";
  if (branch[0] === "\\") return branch.slice(0, 2);
  if (branch[0] === "[") return branch.slice(0, classEnd(branch, 0));
  return branch.charAt(0);
}

const BROAD_ATOMS = new Set(["", ".", "\\w", "\\W", "\\S", "\\D", "(", "^", "$"]);

/** Two branches of a repeated group that may start on the same character. */
function branchesOverlap(branches: readonly string[]): boolean {
  const atoms = branches.map(firstAtom);
  if (atoms.some((atom) => BROAD_ATOMS.has(atom))) return true;
  return new Set(atoms).size !== atoms.length;
}

/**
 * Why a regex validator's pattern is refused, or undefined when it is safe to
 * run on the server: too long, not a valid JavaScript regex, a backreference,
 * a repeated group holding a quantifier (`(a+)+`, `(.*a){10}`), or a repeated
 * alternation whose branches may start alike (`(a|ab)*`).
 */
export function unsafePatternReason(pattern: string): UnsafePatternReason | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return "too_long";
  try {
    new RegExp(pattern);
  } catch {
    return "invalid";
  }

  const root: OpenGroup = { start: 0, bars: [], varies: false };
  const stack: OpenGroup[] = [root];
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    const current = stack[stack.length - 1] ?? root;
    let atomEnd: number;
    if (char === "\\") {
      const next = pattern[i + 1] ?? "";
      if (/[1-9]/.test(next) || (next === "k" && pattern[i + 2] === "<")) return "backreference";
      atomEnd = i + 2;
    } else if (char === "[") {
      atomEnd = classEnd(pattern, i);
    } else if (char === "(") {
      let start = i + 1;
      const special = /^\?(:|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(pattern.slice(start));
      if (special) start += special[0].length;
      stack.push({ start, bars: [], varies: false });
      i = start;
      continue;
    } else if (char === ")") {
      const group = stack.length > 1 ? stack.pop()! : root;
      const parent = stack[stack.length - 1] ?? root;
      const quantifier = quantifierAt(pattern, i + 1);
      if (quantifier?.repeats) {
        if (group.varies) return "nested_quantifier";
        if (group.bars.length > 0) {
          const inside = pattern.slice(group.start, i);
          const cuts = [group.start, ...group.bars.map((bar) => bar + 1)];
          const ends = [...group.bars, i];
          const branches = cuts.map((cut, index) => pattern.slice(cut, ends[index]));
          if (inside !== "" && branchesOverlap(branches)) return "overlapping_alternation";
        }
      }
      if (group.varies || quantifier?.varies) parent.varies = true;
      i += 1 + (quantifier?.length ?? 0);
      continue;
    } else if (char === "|") {
      current.bars.push(i);
      i += 1;
      continue;
    } else {
      atomEnd = i + 1;
    }
    const quantifier = quantifierAt(pattern, atomEnd);
    if (quantifier?.varies) current.varies = true;
    i = atomEnd + (quantifier?.length ?? 0);
  }
  return undefined;
}
