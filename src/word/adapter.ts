/**
 * The Word adapters: the only code that calls Word's API. List the document's `ogi:` content controls, read
 * and write the custom XML part the report carries, replace a control's content with a part rendered by the
 * same code as the .docx writer (insertFileFromBase64 into the control, "Replace": the control and its tag
 * stay), insert a part at the cursor. A constant number of syncs per action, however many parts.
 */
import { TAG_PREFIX } from "../report/text/document";

interface ControlInfo {
  part: string;
  text: string;
}

/** Every `ogi:` control: its part id and its text. Syncs: 1. */
export async function listControls(context: Word.RequestContext): Promise<ControlInfo[]> {
  const controls = context.document.contentControls;
  controls.load("items/tag,items/text");
  await context.sync();
  return controls.items
    .filter((c) => (c.tag ?? "").startsWith(TAG_PREFIX))
    .map((c) => ({ part: c.tag.slice(TAG_PREFIX.length), text: c.text }));
}

/** The XML of the report's custom XML part (found by namespace), or null. Syncs: 2. */
export async function readReportXml(context: Word.RequestContext, namespace: string): Promise<string | null> {
  const parts = context.document.customXmlParts.getByNamespace(namespace);
  parts.load("items");
  await context.sync();
  if (!parts.items.length) return null;
  const xml = parts.items[0].getXml();
  await context.sync();
  return xml.value;
}

/** Replaces the report's custom XML part. Syncs: 2. */
export async function writeReportXml(
  context: Word.RequestContext,
  namespace: string,
  xml: string,
): Promise<void> {
  const parts = context.document.customXmlParts.getByNamespace(namespace);
  parts.load("items");
  await context.sync();
  for (const p of parts.items) p.delete();
  context.document.customXmlParts.add(xml);
  await context.sync();
}

/**
 * Replaces the content of every control of each given part with a bare .docx of that part (base64), keeping
 * the controls. Returns the parts that had no control. Syncs: 2.
 */
export async function replaceParts(
  context: Word.RequestContext,
  parts: { part: string; base64: string }[],
): Promise<string[]> {
  const collections = parts.map((p) => {
    const c = context.document.contentControls.getByTag(TAG_PREFIX + p.part);
    c.load("items");
    return { ...p, controls: c };
  });
  await context.sync();
  const missing: string[] = [];
  for (const { part, base64, controls } of collections) {
    if (!controls.items.length) missing.push(part);
    for (const control of controls.items) control.insertFileFromBase64(base64, "Replace");
  }
  await context.sync();
  return missing;
}

/** Inserts a part (a .docx with the part in its tagged control, base64) at the cursor. Syncs: 1. */
export async function insertAtCursor(context: Word.RequestContext, base64: string): Promise<void> {
  context.document.getSelection().insertFileFromBase64(base64, "Replace");
  await context.sync();
}

/** Selects the first place the text occurs in the body (Word's search takes at most 255 characters). Syncs: 2. */
export async function selectText(context: Word.RequestContext, text: string): Promise<boolean> {
  const found = context.document.body.search(text.slice(0, 200), { matchCase: true });
  found.load("items");
  await context.sync();
  if (!found.items.length) return false;
  found.items[0].select();
  await context.sync();
  return true;
}
