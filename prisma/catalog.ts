import type pg from "pg";

/**
 * The schema the migrations build, as stable text: extensions, enums, tables with their columns,
 * constraints and storage options, indexes, triggers, text search configurations and functions of
 * the public schema, in name order. NOT NULL constraints are left to the columns (PostgreSQL 18
 * also lists them as constraints), so the text is the same on the PostgreSQL versions we run on.
 */
export async function describeCatalog(client: pg.Client): Promise<string> {
  const sections: [string, string][] = [
    ["extensions", `SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1`],
    [
      "enums",
      `SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY 1`,
    ],
    [
      "columns",
      `SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
              || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
              || CASE WHEN a.attgenerated <> '' THEN ' GENERATED ' || pg_get_expr(d.adbin, d.adrelid)
                      WHEN d.adbin IS NOT NULL THEN ' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid) ELSE '' END
              || CASE WHEN a.attstattarget > 0 THEN ' STATISTICS ' || a.attstattarget ELSE '' END
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY c.relname, a.attnum`,
    ],
    [
      "table options",
      `SELECT c.relname || ' ' || array_to_string(c.reloptions, ', ')
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.reloptions IS NOT NULL ORDER BY 1`,
    ],
    [
      "constraints",
      `SELECT c.relname || ' ' || con.conname || ': ' || pg_get_constraintdef(con.oid)
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND con.contype IN ('p', 'u', 'f', 'c', 'x') ORDER BY c.relname, con.conname`,
    ],
    [
      "indexes",
      `SELECT pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisvalid THEN '' ELSE ' -- INVALID' END
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' ORDER BY c.relname`,
    ],
    [
      "triggers",
      `SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY c.relname, t.tgname`,
    ],
    [
      "text search configurations",
      `SELECT c.cfgname FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace WHERE n.nspname = 'public' ORDER BY 1`,
    ],
    [
      "functions",
      `SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || pg_get_function_result(p.oid)
              || ' ' || md5(p.prosrc)
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
       ORDER BY 1`,
    ],
  ];
  const text: string[] = [];
  for (const [title, sql] of sections) {
    const { rows } = await client.query<[string]>({ text: sql, rowMode: "array" });
    text.push(`## ${title}`, ...rows.map((row) => row[0]), "");
  }
  return text.join("\n");
}
