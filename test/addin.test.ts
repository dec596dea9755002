/**
 * The add-in package: the manifest checked locally (well-formed, every resid resolves, element order as
 * Microsoft documents it, shared runtime resids agree, both hosts, https on one origin), and the production
 * build run for real (its output holds manifest.xml, functions.json, the pages, and keeps ExcelJS and docx
 * out of the pages' initial JavaScript).
 */
import { DOMParser } from "@xmldom/xmldom";
import type { Element as XElement } from "@xmldom/xmldom";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { gzipSync } from "zlib";
import * as acorn from "acorn";
import type webpack from "webpack";
import { FUNCTION_IDS } from "./helpers";
import { productionBuild } from "./serve";

const root = path.resolve(__dirname, "..");

function parse(xml: string) {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== "warning") problems.push(msg);
    },
  }).parseFromString(xml, "text/xml");
  return { doc, problems };
}

const kids = (el: XElement) => Array.from(el.childNodes).filter((n): n is XElement => n.nodeType === 1);
const names = (el: XElement) => kids(el).map((k) => k.localName ?? "");
const all = (el: XElement | { getElementsByTagName: (n: string) => ArrayLike<XElement> }, name: string) =>
  Array.from(el.getElementsByTagName(name));
const one = (el: XElement, name: string) => kids(el).find((k) => k.localName === name) as XElement;

/** The documented order of OfficeApp's children (develop/manifest-element-ordering), for a task pane add-in. */
const OFFICEAPP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];
const HOST_ORDER = ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"];
const DESKTOP_ORDER = ["GetStarted", "FunctionFile", "ExtensionPoint"];
const RESOURCES_ORDER = ["Images", "Urls", "ShortStrings", "LongStrings"];

function inOrder(actual: string[], order: string[]): boolean {
  const idx = actual.map((n) => order.indexOf(n));
  return idx.every((i) => i >= 0) && idx.every((i, k) => k === 0 || idx[k - 1] <= i);
}

describe("manifest.xml", () => {
  const xml = readFileSync(path.join(root, "manifest.xml"), "utf8");
  const { doc, problems } = parse(xml);
  const app = doc.documentElement as unknown as XElement;

  test("is well-formed, a task pane add-in with zh-CN as default locale", () => {
    expect(problems).toEqual([]);
    expect(app.localName).toBe("OfficeApp");
    expect(app.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(one(app, "DefaultLocale").textContent).toBe("zh-CN");
    expect(one(app, "Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(one(app, "Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("element order as Microsoft documents it", () => {
    expect(inOrder(names(app), OFFICEAPP_ORDER)).toBe(true);
    const vo = one(app, "VersionOverrides");
    expect(names(vo)).toEqual(["Hosts", "Resources"]);
    for (const host of kids(one(vo, "Hosts"))) {
      expect(inOrder(names(host), HOST_ORDER)).toBe(true);
      expect(inOrder(names(one(host, "DesktopFormFactor")), DESKTOP_ORDER)).toBe(true);
    }
    expect(inOrder(names(one(vo, "Resources")), RESOURCES_ORDER)).toBe(true);
    const cf = all(app, "ExtensionPoint").find(
      (e) => e.getAttribute("xsi:type") === "CustomFunctions",
    ) as XElement;
    expect(names(cf)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
  });

  test("every resid resolves to a resource, and every resource is used", () => {
    const resources = one(one(app, "VersionOverrides"), "Resources");
    const ids = new Map(
      all(resources, "*")
        .filter((e) => e.getAttribute("id"))
        .map((e) => [e.getAttribute("id") as string, e]),
    );
    const used = all(app, "*")
      .map((e) => e.getAttribute("resid"))
      .filter((r): r is string => !!r);
    expect(used.length).toBeGreaterThan(20);
    for (const r of used) expect({ resid: r, found: ids.has(r) }).toEqual({ resid: r, found: true });
    for (const id of ids.keys()) expect({ id, used: used.includes(id) }).toEqual({ id, used: true });
    for (const e of ids.values()) expect((e.getAttribute("DefaultValue") ?? "").length).toBeGreaterThan(0);
  });

  test("both hosts; Excel has a shared runtime whose Runtime, Page and FunctionFile resids agree; Word has no functions", () => {
    expect(all(one(app, "Hosts"), "Host").map((h) => h.getAttribute("Name"))).toEqual([
      "Workbook",
      "Document",
    ]);
    const hosts = kids(one(one(app, "VersionOverrides"), "Hosts"));
    const excel = hosts.find((h) => h.getAttribute("xsi:type") === "Workbook") as XElement;
    const word = hosts.find((h) => h.getAttribute("xsi:type") === "Document") as XElement;
    const runtime = all(excel, "Runtime")[0];
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const page = all(all(excel, "Page")[0], "SourceLocation")[0].getAttribute("resid");
    const fnFile = all(excel, "FunctionFile")[0].getAttribute("resid");
    expect([runtime.getAttribute("resid"), page, fnFile]).toEqual([
      "Taskpane.Url",
      "Taskpane.Url",
      "Taskpane.Url",
    ]);
    expect(all(word, "ExtensionPoint").map((e) => e.getAttribute("xsi:type"))).toEqual([
      "PrimaryCommandSurface",
    ]);
    expect(all(word, "Runtimes")).toHaveLength(0);
    // Each host has a Home-tab button opening its own page.
    const pane = (h: XElement) => all(all(h, "Action")[0], "SourceLocation")[0].getAttribute("resid");
    expect([pane(excel), pane(word)]).toEqual(["Taskpane.Url", "WordPane.Url"]);
    for (const h of [excel, word]) expect(all(h, "OfficeTab")[0].getAttribute("id")).toBe("TabHome");
    // No <Requirements> anywhere: Office hides an add-in (or its buttons) whose sets it lacks, and Office
    // 2016/2019 lack most. What each feature needs is checked at run time instead (src/excel/support.ts).
    expect(all(app, "Requirements")).toEqual([]);
    expect(all(app, "Set")).toEqual([]);
  });

  test("namespace OGI; https URLs on one origin; the icons exist", () => {
    const strings = all(app, "bt:String");
    const ns =
      strings.find((s) => s.getAttribute("id") === "Functions.Namespace")?.getAttribute("DefaultValue") ?? "";
    expect(ns).toBe("OGI");
    expect(ns.length).toBeLessThanOrEqual(32);
    const urls = all(app, "*").flatMap((e) =>
      /^https?:/.test(e.getAttribute("DefaultValue") ?? "") ? [e.getAttribute("DefaultValue") as string] : [],
    );
    urls.push(...all(app, "AppDomain").map((e) => e.textContent as string));
    expect(urls.length).toBeGreaterThan(10);
    expect(new Set(urls.map((u) => new URL(u).origin))).toEqual(new Set(["https://localhost:3000"]));
    for (const u of urls.filter((x) => x.includes("/assets/")))
      expect(existsSync(path.join(root, new URL(u).pathname))).toBe(true);
  });
});

/** The scripts a built page loads in a modern webview: Office.js (if any), then its bundles (see page.html). */
function scriptsOf(html: string): string[] {
  const json = /<script type=application\/json id=ogi-scripts>([^<]*)<\/script>/.exec(html)?.[1] ?? "{}";
  const list = JSON.parse(json) as { officeJs?: string; bundles?: string[] };
  return [...(list.officeJs ? [list.officeJs] : []), ...(list.bundles ?? [])];
}

const SHARE = "\\\\fs01\\加载项\\年报助手";

describe("the production build", () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "ogi-build-"));
  let stats: webpack.Stats;
  beforeAll(async () => {
    process.env.OGI_ADDIN_URL = "https://zwgk.example.gov.cn/ogi/";
    process.env.OGI_CATALOG_SHARE = SHARE;
    stats = await productionBuild({ outDir: out }, "site");
    delete process.env.OGI_ADDIN_URL;
    delete process.env.OGI_CATALOG_SHARE;
  }, 240000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("builds without errors and without certificates", () => {
    expect(stats.hasErrors() ? stats.toString("errors-only") : "").toBe("");
  });

  test("its output holds the manifest (with the production address), functions.json and the pages", () => {
    for (const f of [
      "manifest.xml",
      "functions.json",
      "functions.js",
      "taskpane.html",
      "wordpane.html",
      "filemode.html",
      "commands.html",
      "assets/icon-32.png",
    ])
      expect({ f, exists: existsSync(path.join(out, f)) }).toEqual({ f, exists: true });
    const manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain("https://zwgk.example.gov.cn/ogi/functions.json");
    expect(manifest).toContain("<AppDomain>https://zwgk.example.gov.cn/ogi</AppDomain>");
    expect(parse(manifest).problems).toEqual([]);
    const meta = JSON.parse(readFileSync(path.join(out, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    };
    expect(meta.functions.map((f) => f.id).sort()).toEqual(FUNCTION_IDS);
  });

  const scripts = (page: string) => scriptsOf(readFileSync(path.join(out, page), "utf8"));

  test("Office.js is served from the add-in's own site; no page names another origin", () => {
    expect(existsSync(path.join(out, "office-js/office.js"))).toBe(true);
    expect(existsSync(path.join(out, "office-js/zh-cn"))).toBe(true);
    for (const page of ["index.html", "taskpane.html", "wordpane.html", "filemode.html", "commands.html"]) {
      const html = readFileSync(path.join(out, page), "utf8");
      expect({ page, external: html.match(/https?:\/\/[^"' )<]+/g) ?? [] }).toEqual({ page, external: [] });
    }
    expect(scripts("index.html")).toEqual(["office-js/office.js"]);
    expect(scripts("commands.html")).toEqual(["office-js/office.js"]);
    const manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).toContain('<SourceLocation DefaultValue="https://zwgk.example.gov.cn/ogi/index.html"/>');
  });

  test("every page's own script is ES5, so that IE11 (Office 2016/2019) runs it and can say why the pane cannot", () => {
    for (const page of ["index.html", "taskpane.html", "wordpane.html", "filemode.html", "commands.html"]) {
      const html = readFileSync(path.join(out, page), "utf8");
      const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      expect(inline.length).toBeGreaterThan(0);
      for (const code of inline) expect(() => acorn.parse(code, { ecmaVersion: 5 })).not.toThrow();
    }
    // And a modern construct is refused by the same parser (the check can fail).
    expect(() => acorn.parse("const f = () => 1;", { ecmaVersion: 5 })).toThrow();
  });

  test("the Excel page loads the functions; the Word and file pages do not", () => {
    expect(scripts("taskpane.html")).toEqual(["office-js/office.js", "functions.js", "taskpane.js"]);
    expect(scripts("wordpane.html")).toEqual(["office-js/office.js", "wordpane.js"]);
    expect(scripts("filemode.html")).toEqual(["filemode.js"]);
    expect(readFileSync(path.join(out, "functions.js"), "utf8")).toContain(
      'CustomFunctions.associate("TABLE3"',
    );
    for (const page of ["taskpane.js", "wordpane.js", "filemode.js"])
      expect(readFileSync(path.join(out, page), "utf8")).not.toContain("CustomFunctions.associate");
  });

  test("ExcelJS, docx and ECharts (the 图解) load lazily: not in any page's initial JavaScript", () => {
    // Modules webpack took from its cache are listed too (else grouped as "cached modules", names hidden).
    const json = stats.toJson({
      all: false,
      entrypoints: true,
      chunks: true,
      chunkModules: true,
      cachedModules: true,
    });
    for (const [name, ep] of Object.entries(json.entrypoints ?? {})) {
      const initial = (ep.chunks ?? []).flatMap((id) => json.chunks?.find((c) => c.id === id)?.modules ?? []);
      const heavy = initial
        .map((m) => m.name ?? "")
        .filter((n) => /node_modules[\\/](exceljs|docx|echarts|zrender)[\\/]/.test(n));
      expect({ name, heavy }).toEqual({ name, heavy: [] });
    }
    const lazy = (json.chunks ?? [])
      .filter((c) => !c.initial)
      .flatMap((c) => c.modules ?? [])
      .map((m) => m.name ?? "");
    expect(lazy.some((n) => n.includes("node_modules/exceljs"))).toBe(true);
    expect(lazy.some((n) => n.includes("node_modules/docx"))).toBe(true);
    expect(lazy.some((n) => n.includes("node_modules/echarts"))).toBe(true);
  });

  test("each page's initial JavaScript stays within 350 KB gzipped (README's paneInitialKB budget)", () => {
    const eps = stats.toJson({ all: false, entrypoints: true }).entrypoints ?? {};
    const kb = (name: string) =>
      (eps[name]?.assets ?? [])
        .filter((a) => a.name.endsWith(".js"))
        .reduce((s, a) => s + gzipSync(readFileSync(path.join(out, a.name))).length, 0) / 1024;
    const pages = {
      taskpane: kb("functions") + kb("taskpane"),
      wordpane: kb("wordpane"),
      filemode: kb("filemode"),
    };
    console.log(`initial JS, gzipped KB: ${JSON.stringify(pages)}`);
    for (const [name, size] of Object.entries(pages))
      expect({ name, small: size > 0 && size <= 350 }).toEqual({ name, small: true });
  });

  test("deploy/: the trusted catalog's .reg for the share, nginx for the address; web.config for IIS", () => {
    const reg = readFileSync(path.join(out, "deploy/trusted-catalog.reg"));
    expect([...reg.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const lines = reg.subarray(2).toString("utf16le").split("\r\n");
    expect(lines[0]).toBe("Windows Registry Editor Version 5.00");
    const key = lines.find((l) => l.startsWith("["));
    const guid = /TrustedCatalogs\\(\{[0-9A-F-]{36}\})\]$/.exec(key ?? "")?.[1];
    expect(key).toBe(`[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${guid}]`);
    const values = lines.slice(lines.indexOf(key as string) + 1).filter(Boolean);
    expect(values).toEqual([
      `"Id"="${guid}"`,
      `"Url"="${SHARE.replace(/\\/g, "\\\\")}"`,
      '"Flags"=dword:00000001',
    ]);
    const nginx = readFileSync(path.join(out, "deploy/nginx.conf"), "utf8");
    expect(nginx).toContain("server_name zwgk.example.gov.cn;");
    expect(nginx).toContain("location ^~ /ogi/ {");
    expect(nginx).not.toContain("{{");
    const webConfig = readFileSync(path.join(out, "web.config"), "utf8");
    expect(parse(webConfig).problems).toEqual([]);
    // pdf.js's files are served with a type by both servers (IIS refuses an extension it has no type for;
    // nosniff makes a browser refuse a module script that is not JavaScript).
    const exts = new Set(
      readdirSync(path.join(out, "pdfjs"), { recursive: true })
        .map(String)
        .map((f) => path.extname(f).slice(1))
        .filter(Boolean),
    );
    expect([...exts].sort()).toEqual(["bcmap", "mjs", "pfb", "ttf"]);
    const nginxTypes = /location \^~ \/ogi\/pdfjs\/ \{\s*types \{([^}]*)\}/.exec(nginx)?.[1] ?? "";
    for (const ext of exts) {
      expect(webConfig).toContain(`<mimeMap fileExtension=".${ext}"`);
      expect(nginxTypes.split(/[\s;]+/)).toContain(ext);
    }
    expect(nginxTypes).toMatch(/text\/javascript mjs;/);
  });
});

describe("the catalog's .reg", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { catalogGuid, trustedCatalogReg } = require("../scripts/deploy-files") as {
    catalogGuid: (s: string) => string;
    trustedCatalogReg: (s: string) => Buffer;
  };
  test("takes only a UNC path, and gives one share the same key every build", () => {
    for (const bad of ["C:\\加载项", "https://zwgk.example.gov.cn/ogi/", "\\\\fs01", "\\\\fs01\\share\\"])
      expect(() => trustedCatalogReg(bad)).toThrow(/UNC/);
    expect(catalogGuid("\\\\FS01\\addins")).toBe(catalogGuid("\\\\fs01\\addins"));
    expect(catalogGuid("\\\\fs01\\addins")).not.toBe(catalogGuid("\\\\fs02\\addins"));
  });
});
