// A fake Word host for tests: content controls with tags and text, custom XML parts, the selection; records
// every operation and counts context.sync() calls. Collections' items are readable only after a sync.
// `profile.wordApi` is the highest WordApi set the simulated Word supports (Microsoft's tables: Word 2016 1.1,
// 2019 and LTSC 2021 1.3, LTSC 2024 1.8); below 1.4, document.customXmlParts fails as Word's does, and the
// common API's Office.context.document.customXmlParts (callbacks) is there instead.
// A file inserted at the cursor adds the content controls it holds, as Word does; the fake learns them from
// `initial.tagsOfFile(base64)` (a test's .docx reader), and gives each the empty text of a picture's control.
// Plain JavaScript, for Jest and for a browser page alike.
(function (root) {
  function createFakeWord(initial, profile) {
    const wordApi = Number((profile && profile.wordApi) || "1.8");
    const state = { controls: [], body: [], customXml: [], ops: [], syncs: 0, inserted: [] };
    let pending = [];
    for (const c of (initial && initial.controls) || []) state.controls.push({ ...c });
    state.body = ((initial && initial.body) || []).slice();
    for (const x of (initial && initial.customXml) || []) state.customXml.push({ xml: x });

    const controlOf = (c) => ({
      get tag() {
        return c.tag;
      },
      get text() {
        return c.text;
      },
      insertFileFromBase64(base64, mode) {
        state.ops.push({ op: "insertFile", tag: c.tag, mode, size: base64.length });
        c.text = `（已替换，${base64.length}）`;
        c.replacedWith = base64;
      },
    });
    const collection = (select) => {
      const col = {
        items: [],
        load() {
          pending.push(() => (col.items = select().map(controlOf)));
          return col;
        },
      };
      return col;
    };
    const contentControls = collection(() => state.controls);
    contentControls.getByTag = (tag) => collection(() => state.controls.filter((c) => c.tag === tag));

    const customXmlParts = {
      getByNamespace(ns) {
        const col = {
          items: [],
          load() {
            pending.push(
              () =>
                (col.items = state.customXml
                  .filter((p) => p.xml.includes(ns))
                  .map((p) => ({
                    getXml() {
                      const r = { value: undefined };
                      pending.push(() => (r.value = p.xml));
                      return r;
                    },
                    delete() {
                      state.ops.push({ op: "deleteXml" });
                      state.customXml = state.customXml.filter((x) => x !== p);
                    },
                  }))),
            );
            return col;
          },
        };
        return col;
      },
      add(xml) {
        state.ops.push({ op: "addXml" });
        state.customXml.push({ xml });
      },
    };

    const ok = (value) => ({ status: "succeeded", value });
    const commonPart = (p) => ({
      getXmlAsync(cb) {
        state.ops.push({ op: "getXmlAsync" });
        Promise.resolve().then(() => cb(ok(p.xml)));
      },
      deleteAsync(cb) {
        state.ops.push({ op: "deleteAsync" });
        state.customXml = state.customXml.filter((x) => x !== p);
        Promise.resolve().then(() => cb(ok(undefined)));
      },
    });
    // The document as a .docx (initial.file) for getFileAsync, in slices as Word gives them (arrays of bytes).
    const file = Array.from((initial && initial.file) || []);
    const office = {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      FileType: { Compressed: "compressed", Pdf: "pdf", Text: "text" },
      context: {
        requirements: {
          isSetSupported(name, version) {
            return name === "WordApi" && Number(version || "1.1") <= wordApi;
          },
        },
        document: {
          getFileAsync(type, options, cb) {
            state.ops.push({ op: "getFileAsync", type });
            const size = (options && options.sliceSize) || 4194304;
            const slices = Math.max(1, Math.ceil(file.length / size));
            const handle = {
              size: file.length,
              sliceCount: slices,
              getSliceAsync(i, done) {
                state.ops.push({ op: "getSliceAsync", index: i });
                const data = file.slice(i * size, (i + 1) * size);
                Promise.resolve().then(() => done(ok({ data, index: i, size: data.length })));
              },
              closeAsync(done) {
                state.ops.push({ op: "closeFile" });
                if (done) Promise.resolve().then(() => done(ok(undefined)));
              },
            };
            if (type !== "compressed") throw new Error("fake: only the compressed (.docx) file");
            Promise.resolve().then(() => cb(ok(handle)));
          },
          customXmlParts: {
            getByNamespaceAsync(ns, cb) {
              state.ops.push({ op: "getByNamespaceAsync" });
              const parts = state.customXml.filter((p) => p.xml.includes(ns)).map(commonPart);
              Promise.resolve().then(() => cb(ok(parts)));
            },
            addAsync(xml, cb) {
              state.ops.push({ op: "addAsync" });
              const p = { xml };
              state.customXml.push(p);
              Promise.resolve().then(() => cb(ok(commonPart(p))));
            },
          },
        },
      },
    };

    const context = {
      document: {
        contentControls,
        get customXmlParts() {
          if (wordApi < 1.4) throw new Error("ApiNotFound: document.customXmlParts 需要 WordApi 1.4");
          return customXmlParts;
        },
        body: {
          search(text) {
            const col = {
              items: [],
              load() {
                pending.push(() => {
                  const body = (initial && initial.text) || "";
                  col.items = body.includes(text)
                    ? [
                        {
                          select() {
                            state.ops.push({ op: "select", text });
                            state.selected = text;
                          },
                        },
                      ]
                    : [];
                });
                return col;
              },
            };
            if (text.length > 255) throw new Error("SearchStringInvalidOrTooLong");
            return col;
          },
        },
        getSelection() {
          return {
            insertFileFromBase64(base64, mode) {
              state.ops.push({ op: "insertAtCursor", mode, size: base64.length });
              state.inserted.push(base64);
              const tags = (initial && initial.tagsOfFile && initial.tagsOfFile(base64)) || [];
              for (const tag of tags) state.controls.push({ tag, text: "" });
            },
          };
        },
      },
      async sync() {
        state.syncs++;
        const run = pending;
        pending = [];
        run.forEach((f) => f());
      },
    };
    return { Word: { run: async (cb) => cb(context) }, Office: office, context, state };
  }
  root.createFakeWord = createFakeWord;
  if (typeof module !== "undefined") module.exports = { createFakeWord };
})(globalThis);
