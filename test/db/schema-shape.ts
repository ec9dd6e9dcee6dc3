import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type { SqlSession } from "../../src/db/sql-driver.js";

// Two descriptions of the same database, in one comparable shape: what
// prisma/schema.prisma declares (read by Prisma's own schema parser) and what
// the migrated database holds (read from PostgreSQL's catalogs).

export interface Shape {
  enums: Record<string, string[]>;
  /** table → column → "type NULL|NOT NULL" */
  tables: Record<string, Record<string, string>>;
  /** "Table.index_name" → "UNIQUE|INDEX|PRIMARY (col, …)" */
  indexes: Record<string, string>;
  /** "Table.constraint_name" → "(cols) → Target(cols) ON DELETE action" */
  foreignKeys: Record<string, string>;
}

interface DmmfField {
  name: string;
  kind: "scalar" | "object" | "enum";
  type: string;
  isRequired: boolean;
  isList: boolean;
  dbName?: string | null;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: Array<{ name: string }>;
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  Json: "jsonb",
  Bytes: "bytea",
  DateTime: "timestamp(3) without time zone",
  Decimal: "numeric(65,30)",
};

function nativeType([name, args]: [string, string[]]): string {
  switch (name) {
    case "Uuid":
      return "uuid";
    case "Timestamptz":
      return `timestamp(${args[0] ?? 6}) with time zone`;
    case "Timestamp":
      return `timestamp(${args[0] ?? 6}) without time zone`;
    case "Decimal":
      return `numeric(${args.join(",")})`;
    case "VarChar":
      return `character varying(${args[0]})`;
    default:
      return name.toLowerCase();
  }
}

const ON_DELETE: Record<string, string> = {
  Cascade: "CASCADE",
  SetNull: "SET NULL",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetDefault: "SET DEFAULT",
};

export function shapeFromSchema(schemaPath: string): Shape {
  const dmmf = JSON.parse(
    get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", readFileSync(schemaPath, "utf8")]] })),
  ) as {
    datamodel: {
      enums: Array<{ name: string; values: Array<{ name: string }> }>;
      models: DmmfModel[];
      indexes: DmmfIndex[];
    };
  };
  const { enums, models, indexes } = dmmf.datamodel;
  const shape: Shape = { enums: {}, tables: {}, indexes: {}, foreignKeys: {} };
  for (const e of enums) shape.enums[e.name] = e.values.map((v) => v.name);
  const tableOf = (model: string) => models.find((m) => m.name === model)?.dbName ?? model;
  for (const model of models) {
    const table = tableOf(model.name);
    const columns: Record<string, string> = {};
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields?.length) {
          const name = `${table}_${field.relationFromFields.join("_")}_fkey`;
          shape.foreignKeys[`${table}.${name}`] =
            `(${field.relationFromFields.join(", ")}) → ${tableOf(field.type)}(${field.relationToFields?.join(", ")}) ON DELETE ${ON_DELETE[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")]}`;
        }
        continue;
      }
      const type =
        field.kind === "enum" ? field.type : field.nativeType ? nativeType(field.nativeType) : SCALAR_TYPES[field.type];
      // Prisma Migrate creates scalar lists (Int[]) as nullable array columns.
      const notNull = field.isRequired && !field.isList;
      columns[field.dbName ?? field.name] = `${type}${field.isList ? "[]" : ""} ${notNull ? "NOT NULL" : "NULL"}`;
    }
    shape.tables[table] = columns;
  }
  for (const index of indexes) {
    const table = tableOf(index.model);
    const cols = index.fields.map((f) => f.name);
    const kind = { id: "PRIMARY", unique: "UNIQUE", normal: "INDEX", fulltext: "FULLTEXT" }[index.type];
    const suffix = {
      id: "pkey",
      unique: `${cols.join("_")}_key`,
      normal: `${cols.join("_")}_idx`,
      fulltext: `${cols.join("_")}_idx`,
    }[index.type];
    const name = index.dbName ?? `${table}_${suffix}`;
    shape.indexes[`${table}.${name}`] = `${kind} (${cols.join(", ")})`;
  }
  return shape;
}

export async function shapeFromDatabase(db: SqlSession): Promise<Shape> {
  const shape: Shape = { enums: {}, tables: {}, indexes: {}, foreignKeys: {} };
  const enumRows = await db.query<{ name: string; value: string }>(`
    SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder`);
  for (const row of enumRows) shape.enums[row.name] = [...(shape.enums[row.name] ?? []), row.value];

  const columns = await db.query<{ table: string; column: string; type: string; not_null: boolean }>(`
    SELECT c.relname AS table, a.attname AS column, a.attnotnull AS not_null,
           format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      AND c.relname <> '_prisma_migrations'
    ORDER BY c.relname, a.attnum`);
  for (const col of columns) {
    const type = col.type.replace(/^"(.*)"$/, "$1");
    shape.tables[col.table] = {
      ...shape.tables[col.table],
      [col.column]: `${type} ${col.not_null ? "NOT NULL" : "NULL"}`,
    };
  }

  const indexes = await db.query<{
    table: string;
    name: string;
    is_unique: boolean;
    is_primary: boolean;
    columns: string[];
  }>(`
    SELECT t.relname AS table, i.relname AS name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
           array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
    FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'`);
  for (const ix of indexes) {
    const kind = ix.is_primary ? "PRIMARY" : ix.is_unique ? "UNIQUE" : "INDEX";
    shape.indexes[`${ix.table}.${ix.name}`] = `${kind} (${ix.columns.join(", ")})`;
  }

  const fks = await db.query<{
    table: string;
    name: string;
    columns: string[];
    target: string;
    target_columns: string[];
    on_delete: string;
  }>(`
    SELECT t.relname AS table, c.conname AS name, r.relname AS target,
           array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
           array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS target_columns,
           CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'r' THEN 'RESTRICT'
                              WHEN 'a' THEN 'NO ACTION' WHEN 'd' THEN 'SET DEFAULT' END AS on_delete
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE c.contype = 'f' AND n.nspname = current_schema()`);
  for (const fk of fks) {
    shape.foreignKeys[`${fk.table}.${fk.name}`] =
      `(${fk.columns.join(", ")}) → ${fk.target}(${fk.target_columns.join(", ")}) ON DELETE ${fk.on_delete}`;
  }
  return shape;
}
