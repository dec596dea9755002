// Lints code as if it sat at the given paths, with the project's ESLint config (run by test/layering.test.ts
// in its own process, since Jest cannot load the ESM config). Input on stdin: [{ file, code }]; output: the
// rule ids each one breaks.
import { ESLint } from "eslint";
import path from "path";
import process from "process";
import { fileURLToPath } from "url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const eslint = new ESLint({ cwd: root });
let input = "";
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const { file, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  out.push(result.messages.map((m) => m.ruleId ?? m.message));
}
process.stdout.write(JSON.stringify(out));
