/**
 * Validates a record against the JSON Schema shipped in the package (schema/record.schema.json),
 * loaded once per process.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../resources.js";
import { validateSchema, type SchemaError } from "./validateSchema.js";

let schema: Record<string, unknown> | undefined;

/** The record schema as shipped. */
export function recordSchema(): Record<string, unknown> {
  return (schema ??= JSON.parse(readFileSync(join(packageRoot(), "schema", "record.schema.json"), "utf8")) as Record<string, unknown>);
}

export function validateRecord(record: unknown): SchemaError[] {
  return validateSchema(record, recordSchema());
}
