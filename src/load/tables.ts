/**
 * Tables from whatever file a unit (or last year) comes as: its register workbook (compiled), its tables
 * JSON (the product.md §2 shape), or its report .docx (the data in the custom XML part our reports carry).
 * Works on bytes, so the command line and the panes share it; one file at a time, so memory stays bounded.
 */
import { readStoredReport } from "../docx/customxml";
import { checkAllXml, readZip } from "../docx/zip";
import { compileWorkbook, rowErrorCount } from "../report/compile";
import type { CompileOptions } from "../report/compile";
import { isFormatId } from "../report/formats";
import type { TableSet } from "../report/tables";
import { readWorkbook } from "../workbook/read";

interface LoadedTables {
  tables: TableSet;
  kind: "xlsx" | "json" | "docx";
  /** Register rows left out because of errors (workbooks only). */
  excludedRows?: number;
  /** Register problems of severity error (workbooks only): the same verdict compile gives. */
  rowErrors?: number;
}

/** A unit's name: the agency its tables name, else the file's name without its extension. */
export function unitName(tables: TableSet, fileName: string): string {
  return tables.agency || fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
}

export async function tablesFromFile(
  bytes: Uint8Array,
  name: string,
  options: CompileOptions = {},
): Promise<LoadedTables> {
  const ext = (/\.([a-z]+)$/i.exec(name)?.[1] ?? "").toLowerCase();
  if (ext === "json" || bytes[0] === 0x7b) {
    let data: unknown;
    try {
      data = JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      throw new Error(`「${name}」不是有效的 JSON：${(e as Error).message}`);
    }
    const t = data as TableSet;
    if (!t || typeof t !== "object" || !t.t3 || !isFormatId(String(t.format)))
      throw new Error(`「${name}」不是统计表 JSON（应有 format、year、t2、t3、t4）`);
    return {
      tables: {
        format: t.format,
        year: t.year,
        agency: t.agency ?? "",
        t2: t.t2 ?? null,
        t3: t.t3,
        t4: t.t4 ?? [],
        feeYuan: t.feeYuan ?? null,
      },
      kind: "json",
    };
  }
  if (ext === "docx") {
    const zip = readZip(bytes, name);
    checkAllXml(zip, name);
    const stored = readStoredReport(zip, name);
    if (!stored)
      throw new Error(
        `「${name}」中没有本工具保存的数据（可能不是用本工具生成的报告，或经其他软件保存后丢失）；请改用该单位的台账或统计表 JSON`,
      );
    return { tables: stored.tables, kind: "docx" };
  }
  const result = compileWorkbook(await readWorkbook(bytes, name), options);
  return {
    tables: result.tables,
    kind: "xlsx",
    excludedRows: result.stats.excludedRows,
    rowErrors: rowErrorCount(result),
  };
}
