type Schema = {
  type?: string;
  enum?: unknown[];
  format?: string;
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  default?: unknown;
};

function typeOf(schema: Schema): string {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.format === "date") return "date (YYYY-MM-DD)";
  if (schema.type === "array") return `list of ${schema.items ? typeOf(schema.items) : "values"}`;
  return schema.type ?? "any";
}

/** One line a reader can act on: `integer, 1 to 100, default 20`. */
export function describeSchema(schema: Schema): string {
  const parts = [typeOf(schema)];
  if (schema.minimum !== undefined && schema.maximum !== undefined) parts.push(`${schema.minimum} to ${schema.maximum}`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.maxItems !== undefined) parts.push(`at most ${schema.maxItems}`);
  const emptyDefault = schema.default === "" || (Array.isArray(schema.default) && schema.default.length === 0);
  if (schema.default !== undefined && !emptyDefault) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(", ");
}
