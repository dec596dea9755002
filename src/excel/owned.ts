/**
 * What the add-in keeps in the workbook's settings: the names of the sheets it created (it writes only into
 * those, and asks before replacing any other) and the pane's settings. Excel's API only.
 */
import { passingSheetName } from "../report/text/labels";

const OWNED_KEY = "ogi.ownedSheets";
const SETTINGS_KEY = "ogi.settings";

/** The sheets the add-in created, and every sheet there is. Syncs: 1. */
export async function ownedSheets(
  context: Excel.RequestContext,
): Promise<{ names: Set<string>; existing: Set<string> }> {
  const item = context.workbook.settings.getItemOrNullObject(OWNED_KEY);
  item.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  let names: string[] = [];
  if (!item.isNullObject) {
    try {
      names = JSON.parse(String(item.value)) as string[];
    } catch {
      names = [];
    }
  }
  return { names: new Set(names), existing: new Set(sheets.items.map((s) => s.name)) };
}

/** Queues the new list of the add-in's sheets (synced with the caller's work). */
export function markOwned(context: Excel.RequestContext, owned: Set<string>): void {
  context.workbook.settings.add(OWNED_KEY, JSON.stringify([...owned].sort()));
}

export async function loadSettings<T>(context: Excel.RequestContext): Promise<Partial<T>> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load("value");
  await context.sync();
  if (item.isNullObject) return {};
  try {
    return JSON.parse(String(item.value)) as Partial<T>;
  } catch {
    return {};
  }
}

export async function saveSettings<T>(context: Excel.RequestContext, settings: T): Promise<void> {
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settings));
  await context.sync();
}

/**
 * New sheets to replace those of the same names, in the caller's batch: added first under passing names (a
 * workbook keeps at least one visible sheet, so the old ones cannot go first: a workbook holding only 统计表
 * would refuse), then `done()` deletes the old ones and gives the new ones their names.
 */
export function replacementSheets(
  context: Excel.RequestContext,
  names: string[],
  existing: Set<string>,
): { sheets: Excel.Worksheet[]; done: () => void } {
  const sheets = names.map((n) =>
    context.workbook.worksheets.add(passingSheetName(n, (t) => existing.has(t))),
  );
  return {
    sheets,
    done() {
      for (const n of names) if (existing.has(n)) context.workbook.worksheets.getItem(n).delete();
      sheets.forEach((ws, i) => (ws.name = names[i]));
    },
  };
}
