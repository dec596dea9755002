/** File mode's actions: the ExcelJS reader and the docx writer, each loaded on first use. */
import type { FileCompileActions } from "./FileCompile";

export const fileActions: FileCompileActions = {
  async compile(file) {
    const [{ readWorkbook }, { compileWorkbook }] = await Promise.all([
      import("../workbook/read"),
      import("../report/compile"),
    ]);
    return compileWorkbook(await readWorkbook(await file.arrayBuffer(), file.name));
  },
  async report(result, source) {
    const { createReport } = await import("../docx");
    const bytes = await createReport(result, source);
    return new Blob([bytes as Uint8Array<ArrayBuffer>], {
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
  },
};
