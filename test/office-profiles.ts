/**
 * The Office versions agencies have, as the fake hosts simulate them. Requirement sets from Microsoft's tables
 * (ExcelApi/WordApi requirement-set pages; AddinCommands: volume-licensed Office from 2021; custom functions
 * and the shared runtime from 2021); the webview from "Browsers and webview controls used by Office Add-ins"
 * (volume-licensed 2016 and 2019: Internet Explorer 11; 2021 and later: WebView2). No real Office runs here:
 * these facts rest on that documentation.
 */
export interface OfficeProfile {
  name: string;
  /** The name in the README's English table. */
  en: string;
  excelApi: string;
  wordApi: string;
  /** IE11 cannot run the pane's bundles: the page's ES5 guard shows the file-mode address instead. */
  webview: "ie11" | "webview2";
  /** Ribbon buttons (add-in commands); without them the add-in opens from 我的加载项 at the start page. */
  commands: boolean;
  customFunctions: boolean;
}

export const OFFICE_PROFILES: OfficeProfile[] = [
  {
    name: "Office 2016（批量许可）",
    en: "Office 2016 (volume licence)",
    excelApi: "1.1",
    wordApi: "1.1",
    webview: "ie11",
    commands: false,
    customFunctions: false,
  },
  {
    name: "Office 2019（批量许可）",
    en: "Office 2019 (volume licence)",
    excelApi: "1.7",
    wordApi: "1.3",
    webview: "ie11",
    commands: false,
    customFunctions: false,
  },
  {
    name: "Office LTSC 2021",
    en: "Office LTSC 2021",
    excelApi: "1.14",
    wordApi: "1.3",
    webview: "webview2",
    commands: true,
    customFunctions: true,
  },
  {
    name: "Office LTSC 2024",
    en: "Office LTSC 2024",
    excelApi: "1.17",
    wordApi: "1.8",
    webview: "webview2",
    commands: true,
    customFunctions: true,
  },
  {
    name: "Microsoft 365",
    en: "Microsoft 365",
    excelApi: "1.20",
    wordApi: "1.9",
    webview: "webview2",
    commands: true,
    customFunctions: true,
  },
];

/** Whether version `have` ("1.14") is at least `want` ("1.8"), minor by minor. */
export function atLeast(have: string, want: string): boolean {
  const [a, b] = have.split(".").map(Number);
  const [c, d] = want.split(".").map(Number);
  return a > c || (a === c && b >= d);
}

const WORDS = {
  zh: {
    yes: "有",
    no: "无",
    works: "可用",
    noDropdowns: "可用，登记表无下拉列表",
    fileMode: "改为文件模式",
    guard: "中文说明 + 文件模式地址",
    noFunctions: "无（#NAME?）",
    common: "可用（通用 API）",
  },
  en: {
    yes: "yes",
    no: "no",
    works: "works",
    noDropdowns: "works, registers without dropdowns",
    fileMode: "file mode instead",
    guard: "Chinese message + file-mode address",
    noFunctions: "no (#NAME?)",
    common: "works (common API)",
  },
};

/**
 * The README's compatibility row for a profile, from the same facts the tests run on: Office version, ribbon,
 * Excel pane, custom functions, Word pane update, file mode (test/readme.test.ts holds the README to it).
 */
export function compatibilityRow(p: OfficeProfile, lang: "zh" | "en"): string[] {
  const w = WORDS[lang];
  const ie = p.webview === "ie11";
  const excel = atLeast(p.excelApi, "1.8")
    ? w.works
    : atLeast(p.excelApi, "1.7")
      ? w.noDropdowns
      : w.fileMode;
  const word = atLeast(p.wordApi, "1.4") ? w.works : w.common;
  return [
    lang === "zh" ? p.name : p.en,
    p.commands ? w.yes : w.no,
    ie ? w.guard : excel,
    p.customFunctions ? w.works : w.noFunctions,
    ie ? w.guard : word,
    w.works,
  ];
}
