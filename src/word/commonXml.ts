/**
 * The report's custom XML part through Office's common API (Office.context.document.customXmlParts), for Word
 * without WordApi 1.4 — Word 2016, 2019 and LTSC 2021 (WordApi 1.3). Callbacks wrapped in promises; a failure
 * becomes a Chinese message. Documented by Microsoft; no real Word runs in this project's tests (a fake does).
 */

function call<T>(start: (done: (r: Office.AsyncResult<T>) => void) => void, what: string): Promise<T> {
  return new Promise((resolve, reject) =>
    start((r) =>
      r.status === Office.AsyncResultStatus.Succeeded
        ? resolve(r.value)
        : reject(new Error(`Word 无法${what}：${r.error?.message ?? "未知原因"}`)),
    ),
  );
}

/** The XML of the first part in the namespace, or null. */
export async function readXmlCommon(document: Office.Document, namespace: string): Promise<string | null> {
  const parts = await call<Office.CustomXmlPart[]>(
    (done) => document.customXmlParts.getByNamespaceAsync(namespace, done),
    "读取报告中保存的数据",
  );
  if (!parts.length) return null;
  return call<string>((done) => parts[0].getXmlAsync(done), "读取报告中保存的数据");
}

/** Replaces every part in the namespace with one holding `xml`. */
export async function writeXmlCommon(
  document: Office.Document,
  namespace: string,
  xml: string,
): Promise<void> {
  const parts = await call<Office.CustomXmlPart[]>(
    (done) => document.customXmlParts.getByNamespaceAsync(namespace, done),
    "读取报告中保存的数据",
  );
  for (const p of parts) await call<void>((done) => p.deleteAsync(done), "删除旧的报告数据");
  await call<Office.CustomXmlPart>((done) => document.customXmlParts.addAsync(xml, done), "保存报告数据");
}
