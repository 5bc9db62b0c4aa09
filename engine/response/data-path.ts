import type { DataPath } from "./types.ts";

// Reading and deleting values at a path in response data (plain JSON).

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Splits an ajv `instancePath` (JSON Pointer), turning array positions into numbers. */
export function parsePointer(pointer: string, data: unknown): DataPath {
  if (pointer === "") return [];
  const path: DataPath = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const segment = Array.isArray(current) && /^\d+$/.test(key) ? Number(key) : key;
    path.push(segment);
    current = valueAt(current, [segment]);
  }
  return path;
}

export function valueAt(data: unknown, path: DataPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * Removes the value at `path`. A value inside an array cannot be removed
 * without shifting its neighbours, so the whole top-level answer goes.
 */
export function removeAt(data: Record<string, unknown>, path: DataPath): void {
  if (path.length === 0) return;
  const parent = valueAt(data, path.slice(0, -1));
  if (Array.isArray(parent)) {
    delete data[String(path[0])];
    return;
  }
  if (parent !== null && typeof parent === "object") {
    delete (parent as Record<string | number, unknown>)[path[path.length - 1] as string | number];
  }
}

/** Response data is JSON: a JSON round trip is a faithful deep copy. */
export function cloneData(data: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}
