/**
 * Decap CMS fields from the content contract's zod schemas, walked generically: the
 * schema goes through `z.toJSONSchema()` (https://zod.dev/json-schema) and each JSON
 * Schema node becomes a widget (https://decapcms.org/docs/widgets/): string, enum →
 * select, boolean, number, array → list (or a multi-select of an enum), object → its
 * fields, and the contract's date pattern → datetime. A key added to a schema later
 * gets a field without anything here changing; per-key overrides (a select filled
 * from `_data`, the image widget) are merged on top by dotted path.
 */
import { z } from "zod";
import { ISO_DATE_PATTERN, SLUG_PATTERN } from "../content/index.ts";

/** One Decap field (the options Newsroom uses; https://decapcms.org/docs/configuration-options/#fields). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  /** [regex source, message] */
  pattern?: [string, string];
  options?: (string | { label: string; value: string })[];
  multiple?: boolean;
  fields?: CmsField[];
  field?: CmsField;
  value_type?: "int" | "float";
  min?: number;
  max?: number;
  format?: string;
  date_format?: string;
  time_format?: string;
  picker_utc?: boolean;
  choose_url?: boolean;
  allow_add?: boolean;
  collapsed?: boolean;
  summary?: string;
  default?: unknown;
  editor_components?: string[];
  modes?: string[];
  buttons?: string[];
  sanitize_preview?: boolean;
  media_library?: { config: { max_file_size: number } };
  /**
   * Required whenever its optional parent object is filled in (Decap validates a nested
   * field even when its parent is empty, so it is `required: false` for Decap and
   * admin-script.js checks it before saving). Not written to config.yml.
   */
  requiredWith?: string;
}

/** The part of JSON Schema that zod 4 emits for the contract's schemas. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  additionalProperties?: boolean | JsonSchema;
}

/** A field's changes, by dotted key path (`section`, `image.src`, `corrections.date`). */
export type FieldOverrides = Record<string, Partial<CmsField>>;

/** The stored form of a date the contract accepts: date-time with its offset. */
export const CMS_DATE_FORMAT = "YYYY-MM-DDTHH:mm:ssZ";

/** Editor-facing messages for the contract's patterns (the rest get a generic one). */
const PATTERN_MESSAGES: Record<string, string> = {
  [SLUG_PATTERN.source]: "lowercase ASCII letters, digits and single hyphens",
  [ISO_DATE_PATTERN.source]: "a date (2022-10-04) or a date-time with offset (2022-10-04T09:00:00-04:00)",
};

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  // io "input": what a file may hold; refinements have no JSON Schema form and are left to `check`.
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

/** "pageSize" → "Page size", "base_url" → "Base url" */
export function labelOf(key: string): string {
  const words = key.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Every property of an object schema as a field, in the schema's order. */
export function fieldsOf(schema: JsonSchema, overrides: FieldOverrides = {}, prefix = ""): CmsField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([key, node]) => fieldOf(key, node, required.has(key), overrides, prefix));
}

/** One field for one key; throws naming the key when no widget fits its schema. */
export function fieldOf(key: string, node: JsonSchema, required: boolean, overrides: FieldOverrides = {}, prefix = ""): CmsField {
  const keyPath = prefix ? `${prefix}.${key}` : key;
  const field: CmsField = { name: key, label: labelOf(key), required, ...widgetOf(keyPath, node, overrides) };
  const done = { ...field, ...overrides[keyPath] };
  if (done.widget === "object" && done.required === false && done.fields) {
    done.fields = done.fields.map((f) => (f.required === false ? f : { ...f, required: false, requiredWith: keyPath, hint: f.hint ? `${f.hint} (required with the ${done.label.toLowerCase()})` : `Required with the ${done.label.toLowerCase()}` }));
  }
  return done;
}

function widgetOf(keyPath: string, node: JsonSchema, overrides: FieldOverrides): Omit<CmsField, "name" | "label" | "required"> & { widget: string } {
  if (node.enum) return { widget: "select", options: node.enum.map(String) };
  switch (node.type) {
    case "string":
      if (node.pattern === ISO_DATE_PATTERN.source) return { widget: "datetime", format: CMS_DATE_FORMAT, picker_utc: false };
      if (node.format === "uri") return { widget: "string", pattern: ["^https?://\\S+$", "an absolute http(s) URL"] };
      if (node.pattern) return { widget: "string", pattern: [node.pattern, PATTERN_MESSAGES[node.pattern] ?? `text matching ${node.pattern}`] };
      return { widget: "string" };
    case "boolean":
      return { widget: "boolean" };
    case "integer":
    case "number":
      return { widget: "number", value_type: node.type === "integer" ? "int" : "float", ...(node.minimum !== undefined && { min: node.minimum }), ...(node.maximum !== undefined && { max: node.maximum }) };
    case "array": {
      const items = node.items ?? {};
      if (items.enum) return { widget: "select", multiple: true, options: items.enum.map(String) };
      if (items.type === "object") return { widget: "list", fields: fieldsOf(items, overrides, keyPath) };
      if (items.type === "string") return { widget: "list", ...(items.pattern && { hint: `each: ${PATTERN_MESSAGES[items.pattern] ?? items.pattern}` }) };
      break;
    }
    case "object":
      if (node.properties) return { widget: "object", fields: fieldsOf(node, overrides, keyPath) };
      break;
  }
  // A key whose schema no widget fits still gets a field if an override names its widget.
  if (overrides[keyPath]?.widget) return { widget: overrides[keyPath].widget };
  throw new Error(`cms: no Decap widget for "${keyPath}" (JSON Schema ${JSON.stringify(node)}); add an override in _config/cms/config.ts`);
}

/** An optional object and the fields it needs once filled in. */
export interface RequiredWhenSet {
  label: string;
  fields: { name: string; label: string }[];
}

/** For each optional object (dotted path), the fields that are required once it is filled in. */
export function requiredWhenSet(fields: CmsField[], prefix = ""): Record<string, RequiredWhenSet> {
  const out: Record<string, RequiredWhenSet> = {};
  for (const f of fields) {
    if (f.widget !== "object" || !f.fields) continue;
    const p = prefix ? `${prefix}.${f.name}` : f.name;
    const needed = f.fields.filter((c) => c.requiredWith === p);
    if (needed.length) out[p] = { label: f.label, fields: needed.map((c) => ({ name: c.name, label: c.label })) };
    Object.assign(out, requiredWhenSet(f.fields, p));
  }
  return out;
}

/** Dotted paths of every field and nested field (`image`, `image.src`, …). */
export function fieldPaths(fields: CmsField[], prefix = ""): string[] {
  return fields.flatMap((f) => {
    const p = prefix ? `${prefix}.${f.name}` : f.name;
    return [p, ...fieldPaths(f.fields ?? (f.field ? [f.field] : []), p)];
  });
}
