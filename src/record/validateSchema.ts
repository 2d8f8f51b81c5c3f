/**
 * A small JSON Schema validator for the subset rasd's record schema uses (draft 2020-12 keywords:
 * type, const, enum, properties, required, additionalProperties, items, prefixItems, minItems,
 * maxItems, minimum, minLength, pattern, anyOf, allOf, $ref to #/$defs/…). Unknown keywords are
 * ignored, as the specification says. Errors name the JSON pointer of what failed.
 */
export interface SchemaError {
  path: string;
  message: string;
}

type Schema = { [k: string]: unknown };

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function typeMatches(want: string, got: string): boolean {
  return want === got || (want === "number" && got === "integer");
}

const patterns = new Map<string, RegExp>();

export function validateSchema(value: unknown, schema: Schema, root: Schema = schema, path = ""): SchemaError[] {
  const errors: SchemaError[] = [];
  const err = (message: string, at = path) => errors.push({ path: at || "/", message });
  if (typeof schema.$ref === "string") {
    const m = /^#\/\$defs\/(.+)$/.exec(schema.$ref);
    const target = m ? (root.$defs as Record<string, Schema> | undefined)?.[m[1]!] : undefined;
    if (!target) err(`unresolvable $ref ${schema.$ref}`);
    else errors.push(...validateSchema(value, target, root, path));
  }
  const got = typeOf(value);
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type as string | string[]);
    if (!types.some((t) => typeMatches(t, got))) { err(`expected ${types.join(" or ")}, found ${got}`); return errors; }
  }
  if ("const" in schema && value !== schema.const) err(`expected ${JSON.stringify(schema.const)}, found ${JSON.stringify(value)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) err(`expected one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}, found ${JSON.stringify(value)}`);
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf as Schema[]) errors.push(...validateSchema(value, s, root, path));
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some((s) => validateSchema(value, s, root, path).length === 0)) err("matches none of the allowed shapes (anyOf)");
  if (got === "string") {
    const s = value as string;
    if (typeof schema.minLength === "number" && s.length < schema.minLength) err(`expected at least ${schema.minLength} characters`);
    if (typeof schema.pattern === "string") {
      let re = patterns.get(schema.pattern);
      if (!re) patterns.set(schema.pattern, (re = new RegExp(schema.pattern, "u")));
      if (!re.test(s)) err(`'${s.slice(0, 60)}' does not match ${schema.pattern}`);
    }
  }
  if ((got === "integer" || got === "number") && typeof schema.minimum === "number" && (value as number) < schema.minimum) err(`expected ≥ ${schema.minimum}, found ${value}`);
  if (got === "array") {
    const arr = value as unknown[];
    if (typeof schema.minItems === "number" && arr.length < schema.minItems) err(`expected at least ${schema.minItems} items, found ${arr.length}`);
    if (typeof schema.maxItems === "number" && arr.length > schema.maxItems) err(`expected at most ${schema.maxItems} items, found ${arr.length}`);
    const prefix = (schema.prefixItems as Schema[] | undefined) ?? [];
    arr.forEach((item, i) => {
      const s = i < prefix.length ? prefix[i] : (schema.items as Schema | undefined);
      if (s) errors.push(...validateSchema(item, s, root, `${path}/${i}`));
    });
  }
  if (got === "object") {
    const obj = value as Record<string, unknown>;
    // As JSON sees the object: a property holding undefined is absent.
    for (const k of (schema.required as string[] | undefined) ?? []) if (obj[k] === undefined) err(`missing required property '${k}'`);
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [k, v] of Object.entries(obj)) {
      if (v === undefined) continue;
      const at = `${path}/${k}`;
      if (props[k]) errors.push(...validateSchema(v, props[k]!, root, at));
      else if (schema.additionalProperties === false) err(`unexpected property '${k}'`, at);
      else if (schema.additionalProperties && typeof schema.additionalProperties === "object") errors.push(...validateSchema(v, schema.additionalProperties as Schema, root, at));
    }
  }
  return errors;
}
