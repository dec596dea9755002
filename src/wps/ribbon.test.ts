/**
 * The WPS ribbon: ribbon.xml has the CustomUI schema's shape (customUI → ribbon → tabs → tab → group → button,
 * with the attributes the schema allows there), every callback it names exists, and the button opens the task
 * pane once, then shows or hides it (on a fake add-in root; no WPS runs here).
 */
import { DOMParser } from "@xmldom/xmldom";
import type { Element as XElement } from "@xmldom/xmldom";
import { readFileSync } from "fs";
import path from "path";
import { ribbonCallbacks } from "./ribbon";
import type { AddinRoot } from "./ribbon";

const CUSTOM_UI = "http://schemas.microsoft.com/office/2006/01/customui";
/** The children and attributes the CustomUI schema allows for the elements used (a subset of it). */
const SHAPE: Record<string, { children: string[]; attributes: string[] }> = {
  customUI: { children: ["ribbon"], attributes: ["xmlns", "onLoad", "loadImage"] },
  ribbon: { children: ["tabs"], attributes: ["startFromScratch"] },
  tabs: { children: ["tab"], attributes: [] },
  tab: { children: ["group"], attributes: ["id", "idMso", "label", "visible", "insertAfterMso"] },
  group: { children: ["button"], attributes: ["id", "label", "visible"] },
  button: {
    children: [],
    attributes: ["id", "label", "size", "screentip", "supertip", "onAction", "getImage", "image", "enabled"],
  },
};

const elements = (el: XElement) => Array.from(el.childNodes).filter((n): n is XElement => n.nodeType === 1);

describe("ribbon.xml", () => {
  const errors: string[] = [];
  const xml = readFileSync(path.join(__dirname, "ribbon.xml"), "utf8");
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== "warning") errors.push(msg);
    },
  }).parseFromString(xml, "text/xml");
  const root = doc.documentElement as unknown as XElement;

  test("is well-formed CustomUI with the schema's shape", () => {
    expect(errors).toEqual([]);
    expect([root.localName, root.namespaceURI]).toEqual(["customUI", CUSTOM_UI]);
    const problems: string[] = [];
    const ids = new Set<string>();
    const walk = (el: XElement) => {
      const shape = SHAPE[el.localName ?? ""];
      if (!shape) return problems.push(`unknown element ${el.localName}`);
      for (const a of Array.from(el.attributes))
        if (!shape.attributes.includes(a.name)) problems.push(`${el.localName}@${a.name}`);
      const id = el.getAttribute("id");
      if (id && ids.has(id)) problems.push(`duplicate id ${id}`);
      if (id) ids.add(id);
      for (const child of elements(el)) {
        if (!shape.children.includes(child.localName ?? ""))
          problems.push(`${child.localName} in ${el.localName}`);
        walk(child);
      }
    };
    walk(root);
    expect(problems).toEqual([]);
    expect([...ids]).toEqual(["ogiTab", "ogiGroup", "ogiOpenPane"]);
  });

  test("every callback it names is one the entry page's `ribbon` object has", () => {
    const callbacks = Object.keys(ribbonCallbacks({} as AddinRoot, "", ""));
    const named = [...xml.matchAll(/(?:onLoad|onAction|getImage)="ribbon\.(\w+)"/g)].map((m) => m[1]);
    expect(named.sort()).toEqual(["GetImage", "OnAction", "OnAddinLoad"]);
    for (const n of named) expect(callbacks).toContain(n);
  });
});

test("the button opens the task pane once, then shows or hides it", () => {
  const panes: { url: string; title?: string; Visible: boolean; Width: number; ID: number }[] = [];
  const storage = new Map<string, string>();
  const root = {
    CreateTaskPane(url: string, title?: string) {
      const pane = { url, title, Visible: false, Width: 0, ID: panes.length + 1 };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id: number) => panes[id - 1],
    PluginStorage: {
      getItem: (k: string) => storage.get(k) ?? "",
      setItem: (k: string, v: string | number | boolean) => void storage.set(k, String(v)),
    },
  } as unknown as AddinRoot;
  const ribbon = ribbonCallbacks(root, "wps-et.html", "assets/icon-32.png");
  expect(ribbon.OnAddinLoad()).toBe(true);
  ribbon.OnAction({ Id: "ogiOpenPane" });
  expect(panes).toEqual([{ url: "wps-et.html", title: "年报助手", Visible: true, Width: 360, ID: 1 }]);
  ribbon.OnAction({ Id: "ogiOpenPane" });
  expect([panes.length, panes[0].Visible]).toEqual([1, false]);
  ribbon.OnAction({ Id: "ogiOpenPane" });
  expect(panes[0].Visible).toBe(true);
  ribbon.OnAction({ Id: "somethingElse" });
  expect(panes).toHaveLength(1);
  expect([ribbon.GetImage({ Id: "ogiOpenPane" }), ribbon.GetImage({ Id: "x" })]).toEqual([
    "assets/icon-32.png",
    "",
  ]);
});
