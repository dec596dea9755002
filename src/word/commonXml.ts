/**
 * Office's common API in Word: the report's custom XML part (Office.context.document.customXmlParts), for Word
 * without WordApi 1.4 — Word 2016, 2019 and LTSC 2021 (WordApi 1.3); and the open document as a .docx
 * (getFileAsync, Word 2013 and later), for checking a report we did not make. Callbacks wrapped in promises; a
 * failure becomes a Chinese message. Documented by Microsoft; no real Word runs in this project's tests (a fake
 * does).
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

/** The open document as .docx bytes, slice by slice (4 MB each), the file closed afterwards. */
export async function documentFileCommon(document: Office.Document): Promise<Uint8Array> {
  const file = await call<Office.File>(
    (done) => document.getFileAsync(Office.FileType.Compressed, { sliceSize: 4 * 1024 * 1024 }, done),
    "读取当前文档",
  );
  try {
    const parts: number[][] = [];
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await call<Office.Slice>((done) => file.getSliceAsync(i, done), "读取当前文档");
      parts.push(slice.data as number[]);
    }
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  } finally {
    file.closeAsync();
  }
}
