/** Run in a child process under a given TZ: reads an .xlsx, compiles it, prints the offset and the tables. */
import { readFileSync } from "fs";
import { compileWorkbook } from "../src/report/compile";
import { readWorkbook } from "../src/workbook/read";

void (async () => {
  const data = await readWorkbook(new Uint8Array(readFileSync(process.argv[2])));
  const c = compileWorkbook(data, { year: Number(process.argv[3]) });
  process.stdout.write(
    JSON.stringify({
      offset: new Date(2025, 0, 1).getTimezoneOffset(),
      tables: c.tables,
      issues: c.rowIssues,
    }),
  );
})();
