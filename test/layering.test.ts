/**
 * The walls hold: ESLint, with the project's own config, refuses code that crosses a layer and accepts the
 * same kind of code where it belongs. (Linted in one child process: Jest cannot load the ESM config.)
 */
import { execFileSync } from "child_process";
import path from "path";

const root = path.resolve(__dirname, "..");

/** [where the code sits, the code, the rule it must break or null when it must pass]. */
type Case = [string, string, "no-restricted-imports" | "no-restricted-globals" | null];
const use = (name: string, from: string) => `import { ${name} } from "${from}";\nexport const a = ${name};\n`;
const global = (name: string) => `export const a = () => ${name};\n`;

const ENGINE: Case[] = [
  ["src/report/x.ts", use("readFileSync", "fs"), "no-restricted-imports"],
  ["src/report/x.ts", use("Workbook", "exceljs"), "no-restricted-imports"],
  ["src/report/x.ts", use("readZip", "../docx/zip"), "no-restricted-imports"],
  ["src/report/formats/x.ts", use("readZip", "../../docx/zip"), "no-restricted-imports"],
  ["src/report/read/x.ts", use("pageText", "../../load/html"), "no-restricted-imports"],
  ["src/report/read/x.ts", global("document"), "no-restricted-globals"],
  ["src/report/read/x.ts", use("numberRows", "../formats"), null],
  ...["window", "document", "process", "Office", "Excel"].map((g): Case => [
    "src/report/x.ts",
    global(g),
    "no-restricted-globals",
  ]),
  ["src/report/x.ts", use("getFormat", "./formats"), null],
  ["src/report/x.ts", use("buildSentences", "./text/sentences"), null],
];
/** Inside the engine: each room imports only the rooms below it, and none imports a front door. */
const ROOMS: Case[] = [
  ["src/report/formats/x.ts", use("n0", "../tables/tables"), "no-restricted-imports"],
  ["src/report/formats/x.ts", use("normalizeText", "../common/normalize"), "no-restricted-imports"],
  ["src/report/common/x.ts", use("getFormat", "../formats"), "no-restricted-imports"],
  ["src/report/tables/x.ts", use("getFormat", "../formats"), null],
  ["src/report/tables/x.ts", use("normalizeText", "../common/normalize"), null],
  ["src/report/tables/x.ts", use("mapColumns", "../register/registers"), "no-restricted-imports"],
  ["src/report/tables/x.ts", use("buildSentences", "../text/sentences"), "no-restricted-imports"],
  ["src/report/register/x.ts", use("n0", "../tables/tables"), null],
  ["src/report/register/x.ts", use("readInfo", "../text/info"), "no-restricted-imports"],
  ["src/report/register/x.ts", use("readReport", "../read/tables"), "no-restricted-imports"],
  ["src/report/register/x.ts", use("compileWorkbook", "../compile"), "no-restricted-imports"],
  ["src/report/text/x.ts", use("IssueSink", "../register/registers"), null],
  ["src/report/text/x.ts", use("rollup", "../rollup"), "no-restricted-imports"],
  ["src/report/text/x.ts", use("readReport", "../read/tables"), "no-restricted-imports"],
  ["src/report/read/x.ts", use("checkTables", "../tables/checks"), null],
  ["src/report/read/x.ts", use("mapColumns", "../register/registers"), "no-restricted-imports"],
  ["src/report/read/x.ts", use("buildSentences", "../text/sentences"), "no-restricted-imports"],
  ["src/report/read/x.ts", use("sampleWorkbook", "../sample"), "no-restricted-imports"],
  ["src/report/read/x.ts", use("readZip", "../../docx/zip"), "no-restricted-imports"],
  ["src/report/read/x.ts", use("defaultRuleSet", "../rules/ruleset"), null],
  ["src/report/read/x.ts", use("similarities", "../audit/similarity"), "no-restricted-imports"],
  ["src/report/rules/x.ts", use("Findings", "../tables/findings"), null],
  ["src/report/rules/x.ts", use("readReport", "../read/tables"), "no-restricted-imports"],
  ["src/report/audit/x.ts", use("locateSections", "../read/sections"), null],
  ["src/report/audit/x.ts", use("defaultRuleSet", "../rules/ruleset"), null],
  ["src/report/audit/x.ts", use("rollup", "../rollup"), "no-restricted-imports"],
  ["src/report/audit/x.ts", use("mapColumns", "../register/registers"), "no-restricted-imports"],
];
const COMPONENTS: Case[] = [
  ["src/taskpane/X.tsx", global("Office.context"), "no-restricted-globals"],
  ["src/taskpane/X.tsx", global("Word.run"), "no-restricted-globals"],
  ["src/taskpane/X.tsx", use("excelActions", "../excel/actions"), "no-restricted-imports"],
  ["src/taskpane/X.tsx", use("etActions", "../wps/actions"), "no-restricted-imports"],
  ["src/taskpane/X.tsx", use("compileForPane", "../actions/pane"), null],
];
const ADAPTERS: Case[] = [
  ...[
    "src/excel/x.ts",
    "src/word/x.ts",
    "src/wps/x.ts",
    "src/actions/x.ts",
    "src/docx/x.ts",
    "src/cli/x.ts",
  ].map((file): Case => [file, use("Pane", "../taskpane/Pane"), "no-restricted-imports"]),
  ["src/actions/x.ts", global("Excel.run"), "no-restricted-globals"],
  ["src/excel/x.ts", global("Excel.run"), null],
  ["src/pages/x.tsx", global("Office.onReady"), null],
];

/** src/publish (the web page, the 图解): over the engine, docx and load; only the command line and actions use it. */
const PUBLISH: Case[] = [
  ["src/publish/x.ts", use("table3Grid", "../report/tables/layout"), null],
  ["src/publish/x.ts", use("richDocx", "../docx/readRich"), null],
  ["src/publish/x.ts", use("readReportFile", "../load/report"), null],
  ["src/publish/x.ts", use("compileInput", "../cli/commands"), "no-restricted-imports"],
  ["src/publish/x.ts", use("fileModeActions", "../actions/files"), "no-restricted-imports"],
  ["src/publish/x.ts", use("Pane", "../taskpane/Pane"), "no-restricted-imports"],
  ["src/publish/x.ts", use("excelActions", "../excel/actions"), "no-restricted-imports"],
  ["src/publish/x.ts", global("Office.context"), "no-restricted-globals"],
  ["src/cli/x.ts", use("pageHtml", "../publish/html"), null],
  ["src/actions/x.ts", use("pageHtml", "../publish/html"), null],
  ...[
    "src/docx/x.ts",
    "src/load/x.ts",
    "src/workbook/x.ts",
    "src/excel/x.ts",
    "src/word/x.ts",
    "src/taskpane/X.tsx",
    "src/report/x.ts",
  ].map((file): Case => [file, use("pageHtml", "../publish/html"), "no-restricted-imports"]),
  ["src/report/text/x.ts", use("pageHtml", "../../publish/html"), "no-restricted-imports"],
];

let answers = new Map<Case, string[]>();

beforeAll(() => {
  const cases = [...ENGINE, ...ROOMS, ...COMPONENTS, ...ADAPTERS, ...PUBLISH];
  const out = execFileSync(process.execPath, [path.join(root, "test/lint-probe.mjs")], {
    cwd: root,
    input: JSON.stringify(cases.map(([file, code]) => ({ file, code }))),
    encoding: "utf8",
  });
  const rules = JSON.parse(out) as string[][];
  answers = new Map(cases.map((c, i) => [c, rules[i]]));
}, 60000);

function expectCases(cases: Case[]) {
  for (const c of cases) {
    const [file, code, rule] = c;
    const got = answers.get(c) ?? ["(not linted)"];
    if (rule) expect({ file, code, got }).toEqual({ file, code, got: expect.arrayContaining([rule]) });
    else expect({ file, code, got }).toEqual({ file, code, got: [] });
  }
}

describe("layering", () => {
  test("the engine imports only itself: no package, no Node module, no adapter, no host global", () =>
    expectCases(ENGINE));
  test("inside the engine each room imports only the rooms below it, never a front door", () =>
    expectCases(ROOMS));
  test("components touch no Office global and import no host adapter", () => expectCases(COMPONENTS));
  test("adapters and actions import no component; only host adapters and pages use Office", () =>
    expectCases(ADAPTERS));
  test("src/publish imports the engine, docx and load, and only the command line and actions import it", () =>
    expectCases(PUBLISH));
});
