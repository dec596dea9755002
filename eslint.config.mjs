import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The layering, enforced (README「代码结构」lists what each folder may import):
 * - src/report is the engine: it imports only itself (no package, no Node, DOM or Office global), and inside it
 *   each room imports only the rooms below it (ROOMS); nothing in a room imports the front doors at the top;
 * - src/taskpane holds React components: no Office, Excel or Word global, no host adapter;
 * - the adapters and src/actions never import a component or a page;
 * - only src/excel, src/word and the page entries (src/pages) touch Office's globals.
 * - src/publish (the report for the portal) imports the engine, docx and load, and only src/cli and src/actions
 *   import it.
 */
const OFFICE_GLOBALS = [
  "Office",
  "Excel",
  "Word",
  "OfficeRuntime",
  "CustomFunctions",
  "Application",
  "wps",
].map((name) => ({
  name,
  message:
    "只有 src/excel、src/word、src/wps、src/functions 和 src/pages 可以使用 Office 或 WPS 的全局对象；组件和引擎通过 actions 调用宿主。",
}));
const HOST_GLOBALS = [
  "window",
  "document",
  "navigator",
  "localStorage",
  "fetch",
  "XMLHttpRequest",
  "process",
  "require",
  "Buffer",
  "__dirname",
].map((name) => ({
  name,
  message: "引擎（src/report）是纯 TypeScript：不用浏览器、Node 或 Office 的全局对象。",
}));
const NO_COMPONENTS = {
  group: ["**/taskpane/*", "**/pages/*"],
  message: "适配层和 src/actions 不引用组件或页面；组件通过 props 拿到 actions。",
};
/** src/publish (the report for the portal: its web page, its 图解) is used only by the command line and src/actions. */
const NO_PUBLISH = {
  group: ["**/publish/*"],
  message:
    "只有 src/cli 和 src/actions 可以引用 src/publish（网页版、图解）；引擎、读写层和宿主适配层都不引用它。",
};
const HOST_ADAPTERS = {
  group: ["**/excel/*", "**/word/*", "**/wps/*"],
  message: "这里不依赖某个 Office 宿主。",
};

/**
 * The engine's rooms (src/report/<room>/) and the rooms each may import. formats/ is data and common/ the values
 * every room shares (cells, dates, text normalisation); tables/ and register/ never reach the report's words
 * (text/) or the reading of printed reports (read/); read/ knows nothing of registers. The front doors at the top
 * (compile.ts, typed.ts, rollup.ts, templates.ts, sample.ts) may import any room; no room imports them.
 */
const ROOMS = {
  formats: [],
  common: [],
  tables: ["formats", "common"],
  register: ["formats", "common", "tables"],
  text: ["formats", "common", "tables", "register"],
  read: ["formats", "common", "tables", "rules"],
  // 审核要点: the rule set an office tunes (which rules, how severe, thresholds), as data.
  rules: ["formats", "common", "tables"],
  // The review's own rules across a batch (雷同, the publication deadline), over what read/ found.
  audit: ["formats", "common", "tables", "read", "rules", "text"],
};

/** The engine's rules for files at one depth: `patterns` are the relative imports they may not make. */
function engine(files, patterns, globals) {
  return {
    files,
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^[^.]", message: "引擎（src/report）不引用任何包或 Node 模块。" },
            ...patterns,
          ],
        },
      ],
      "no-restricted-globals": ["error", ...globals],
    },
  };
}

const ENGINE_GLOBALS = [...HOST_GLOBALS, ...OFFICE_GLOBALS];
const LEAVES_ENGINE = { regex: "^\\.\\./", message: "引擎（src/report）只引用自身。" };
const roomRules = Object.entries(ROOMS).map(([room, may]) =>
  engine(
    [`src/report/${room}/*.ts`],
    [
      {
        // Up and out of the room into anything but an allowed room: another room, a front door, outside.
        regex: may.length ? `^\\.\\./(?!(${may.join("|")})(/|$))` : "^\\.\\./",
        message: `引擎内部分层：src/report/${room} 只引用${may.length ? ` ${may.join("、")}` : "自身"}（见 eslint.config.mjs 的 ROOMS）。`,
      },
    ],
    ENGINE_GLOBALS,
  ),
);

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "demo-output/", "scratch/", "coverage/", "jest.config.js", "*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  engine(["src/report/*.ts"], [LEAVES_ENGINE], ENGINE_GLOBALS),
  ...roomRules,
  {
    files: ["src/taskpane/**/*.tsx", "src/taskpane/**/*.ts"],
    ignores: ["**/*.test.tsx", "**/*.test.ts"],
    rules: {
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/excel/*", "**/word/*", "**/wps/*", "**/functions/*", "**/cli/*", "**/pages/*"],
              message: "组件不引用宿主适配层；通过 props 拿到 actions。",
            },
            NO_PUBLISH,
          ],
        },
      ],
    },
  },
  {
    files: ["src/actions/**/*.ts", "src/cli/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS],
      "no-restricted-imports": ["error", { patterns: [NO_COMPONENTS, HOST_ADAPTERS] }],
    },
  },
  {
    files: [
      "src/docx/**/*.ts",
      "src/zip/**/*.ts",
      "src/cfb/**/*.ts",
      "src/doc/**/*.ts",
      "src/workbook/**/*.ts",
      "src/load/**/*.ts",
    ],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS],
      "no-restricted-imports": ["error", { patterns: [NO_COMPONENTS, HOST_ADAPTERS, NO_PUBLISH] }],
    },
  },
  {
    // The report for the portal: over the engine, docx and load; under the command line and the actions.
    files: ["src/publish/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            NO_COMPONENTS,
            HOST_ADAPTERS,
            {
              group: ["**/cli/*", "**/actions/*"],
              message: "src/publish 不引用命令行或 src/actions：它们调用 src/publish，而不是反过来。",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/excel/**/*.ts", "src/word/**/*.ts", "src/wps/**/*.ts", "src/functions/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_COMPONENTS, NO_PUBLISH] }] },
  },
);
