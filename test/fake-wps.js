// A fake WPS 表格 (ET) Application for tests: the part of WPS's JS API (a VBA-like object model, synchronous)
// the add-in uses, with every property read or write and every method call into it counted (state.calls), as
// each is a call across the boundary into WPS. Cells hold what Value2 gives: numbers (dates as serials),
// strings, booleans; empty cells read as undefined. Plain JavaScript, for Jest and a browser page alike.
(function (root) {
  /** Counts every property access and call on a WPS object (state.calls). */
  const counter = (state) => (obj) =>
    new Proxy(obj, {
      get(t, k) {
        if (typeof k === "string") state.calls++;
        return t[k];
      },
      set(t, k, v) {
        state.calls++;
        t[k] = v;
        return true;
      },
    });

  const bytesOf = (binary) => Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  /**
   * A WPS's profile: { fileSystem: false } for a WPS that gives add-ins no FileSystem, { writes: n } for a disk
   * that takes only n files, { insertFile: false } for a 文字 whose InsertFile fails; the temp and 下载 folders
   * (default Windows's).
   */
  const profileOf = (profile) => ({
    fileSystem: true,
    insertFile: true,
    writes: Infinity,
    tempPath: "C:\\Users\\zw\\AppData\\Local\\Temp\\",
    downloadPath: "C:\\Users\\zw\\Downloads",
    ...profile,
  });

  /**
   * The add-in root's part WPS merges into Application: task panes, the add-in's PluginStorage, and (unless
   * the profile says not) FileSystem and Env over state.files (path → binary string).
   */
  function addinRoot(state, p, counted) {
    state.panes = [];
    state.files = new Map();
    state.removed = [];
    const storage = new Map();
    const fileSystem = counted({
      writeAsBinaryString(path, data) {
        state.ops.push({ op: "writeFile", path });
        if (state.ops.filter((o) => o.op === "writeFile").length > p.writes) return false;
        state.files.set(path, data);
        return true;
      },
      ReadFileAsArrayBuffer(path) {
        if (!state.files.has(path)) throw new Error(`fake WPS: no file ${path}`);
        return bytesOf(state.files.get(path)).buffer;
      },
      Exists: (path) => state.files.has(path),
      Remove(path) {
        state.removed.push(path);
        state.files.delete(path);
      },
    });
    const env = counted({
      GetTempPath: () => p.tempPath,
      GetDownloadPath: () => p.downloadPath,
      GetDesktopPath: () => "C:\\Users\\zw\\Desktop",
    });
    return {
      ...(p.fileSystem ? { FileSystem: fileSystem, Env: env } : {}),
      CreateTaskPane(url, title) {
        const pane = { url, title, Visible: false, Width: 0, ID: state.panes.length + 1 };
        state.panes.push(pane);
        return pane;
      },
      GetTaskPane(id) {
        return state.panes[id - 1];
      },
      PluginStorage: {
        getItem: (k) => (storage.has(k) ? storage.get(k) : ""),
        setItem: (k, v) => storage.set(k, String(v)),
      },
    };
  }

  function createFakeEt(initial, profile) {
    const state = { sheets: [], calls: 0, selected: null, active: null, ops: [] };
    const letters = (i) => {
      let s = "";
      for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    const colIndex = (l) => l.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const addressOf = (r, c, h, w) =>
      h === 1 && w === 1 ? `${letters(c)}${r + 1}` : `${letters(c)}${r + 1}:${letters(c + w - 1)}${r + h}`;
    function parse(address) {
      const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
      if (!m) throw new Error(`fake WPS: bad address ${address}`);
      const c1 = colIndex(m[1]);
      const r1 = Number(m[2]) - 1;
      const c2 = m[3] ? colIndex(m[3]) : c1;
      const r2 = m[4] ? Number(m[4]) - 1 : r1;
      return [r1, c1, r2 - r1 + 1, c2 - c1 + 1];
    }
    const counted = counter(state);
    function newSheet(name, rows) {
      const sheet = {
        name,
        cells: new Map(),
        visible: -1,
        merges: [],
        validations: [],
        bold: [],
        // What the print layout gave it: column widths by letter, bordered ranges, ranges whose rows were fitted,
        // row heights by row, number formats, data bars, and the PageSetup's properties.
        widths: {},
        borders: [],
        autofit: [],
        heights: {},
        numberFormats: [],
        databars: [],
        pageSetup: { Zoom: 100, FitToPagesWide: 1, FitToPagesTall: 1, Orientation: 1 },
      };
      (rows || []).forEach((row, r) =>
        row.forEach((v, c) => v !== "" && v !== null && v !== undefined && sheet.cells.set(`${r},${c}`, v)),
      );
      return sheet;
    }
    for (const s of (initial && initial.sheets) || []) state.sheets.push(newSheet(s.name, s.rows));

    function range(sheet, r, c, h, w) {
      const cell = (i, j) => sheet.cells.get(`${r + i},${c + j}`);
      return counted({
        get Row() {
          return r + 1;
        },
        get Column() {
          return c + 1;
        },
        get Value2() {
          if (h === 1 && w === 1) return cell(0, 0);
          return Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => cell(i, j)));
        },
        set Value2(v) {
          state.ops.push({ op: "write", sheet: sheet.name, address: addressOf(r, c, h, w) });
          const rows = Array.isArray(v) ? v : [[v]];
          for (let i = 0; i < h; i++)
            for (let j = 0; j < w; j++) {
              const x = rows[i] && rows[i][j];
              if (x === "" || x === null || x === undefined) sheet.cells.delete(`${r + i},${c + j}`);
              else sheet.cells.set(`${r + i},${c + j}`, x);
            }
        },
        Resize(rows, cols) {
          return range(sheet, r, c, rows, cols);
        },
        get EntireRow() {
          return range(sheet, r, 0, h, 16384);
        },
        get Font() {
          return counted({
            set Bold(v) {
              sheet.bold.push(addressOf(r, c, h, w));
            },
            set Size(v) {},
          });
        },
        get Interior() {
          return counted({
            set Color(v) {
              sheet.fills = sheet.fills || [];
              sheet.fills.push({ address: addressOf(r, c, h, w), color: v });
            },
          });
        },
        set WrapText(v) {},
        set VerticalAlignment(v) {},
        set ColumnWidth(v) {
          // As Excel's object model: a range's ColumnWidth is its columns'.
          for (let j = 0; j < w; j++) sheet.widths[letters(c + j)] = v;
        },
        set RowHeight(v) {
          for (let i = 0; i < h; i++) sheet.heights[r + i + 1] = v;
        },
        set NumberFormat(v) {
          sheet.numberFormats.push({ address: addressOf(r, c, h, w), format: v });
        },
        get Borders() {
          return counted({
            set LineStyle(v) {
              sheet.borders.push({ address: addressOf(r, c, h, w), lineStyle: v });
            },
          });
        },
        get Rows() {
          return counted({
            AutoFit() {
              sheet.autofit.push(addressOf(r, c, h, w));
              return true;
            },
          });
        },
        get FormatConditions() {
          return counted({
            AddDatabar() {
              const bar = { address: addressOf(r, c, h, w), min: null, max: null, color: null, fill: 1 };
              sheet.databars.push(bar);
              const point = (key) =>
                counted({
                  Modify(type, value) {
                    bar[key] = value === undefined ? [type] : [type, value];
                  },
                });
              return counted({
                get MinPoint() {
                  return point("min");
                },
                get MaxPoint() {
                  return point("max");
                },
                get BarColor() {
                  return counted({
                    set Color(v) {
                      bar.color = v;
                    },
                  });
                },
                set BarFillType(v) {
                  bar.fill = v;
                },
              });
            },
          });
        },
        Merge() {
          sheet.merges.push({ r, c, h, w });
        },
        Select() {
          state.selected = { sheet: sheet.name, address: addressOf(r, c, h, w) };
          return true;
        },
        get Validation() {
          return counted({
            Add(type, alert, operator, formula) {
              sheet.validations.push({ address: addressOf(r, c, h, w), type, formula });
            },
          });
        },
      });
    }

    function worksheet(sheet) {
      return counted({
        get Name() {
          return sheet.name;
        },
        set Name(v) {
          if (state.sheets.some((s) => s !== sheet && s.name === v)) throw new Error(`fake WPS: ${v} exists`);
          sheet.name = v;
        },
        get Visible() {
          return sheet.visible;
        },
        set Visible(v) {
          sheet.visible = v;
        },
        get UsedRange() {
          const keys = [...sheet.cells.keys()].map((k) => k.split(",").map(Number));
          if (!keys.length) return range(sheet, 0, 0, 1, 1);
          const r = Math.min(...keys.map((k) => k[0]));
          const c = Math.min(...keys.map((k) => k[1]));
          const h = Math.max(...keys.map((k) => k[0])) - r + 1;
          const w = Math.max(...keys.map((k) => k[1])) - c + 1;
          return range(sheet, r, c, h, w);
        },
        Range(address) {
          return range(sheet, ...parse(address));
        },
        get PageSetup() {
          const page = sheet.pageSetup;
          const props = [
            "PaperSize",
            "Orientation",
            "CenterHorizontally",
            "Zoom",
            "FitToPagesWide",
            "FitToPagesTall",
            "PrintTitleRows",
            "CenterHeader",
            "CenterFooter",
          ];
          const setup = {};
          for (const k of props)
            Object.defineProperty(setup, k, {
              get: () => page[k],
              set: (v) => {
                page[k] = v;
              },
              enumerable: true,
            });
          return counted(setup);
        },
        Activate() {
          state.active = sheet.name;
        },
        Delete() {
          // As WPS and Excel: a workbook keeps at least one visible sheet.
          if (!state.sheets.some((s) => s !== sheet && s.visible === -1))
            throw new Error("fake WPS: the last visible sheet cannot be deleted");
          state.sheets = state.sheets.filter((s) => s !== sheet);
        },
      });
    }

    let added = 0;
    const worksheets = counted({
      get Count() {
        return state.sheets.length;
      },
      Item(i) {
        const sheet = typeof i === "number" ? state.sheets[i - 1] : state.sheets.find((s) => s.name === i);
        if (!sheet) throw new Error(`fake WPS: no sheet ${i}`);
        return worksheet(sheet);
      },
      Add() {
        const sheet = newSheet(`Sheet${state.sheets.length + ++added}`);
        state.sheets.push(sheet);
        return worksheet(sheet);
      },
    });
    const Application = counted({
      ...addinRoot(state, profileOf(profile), counted),
      get Workbooks() {
        return counted({ Count: 1 });
      },
      get ActiveWorkbook() {
        if (initial && initial.closed) return null;
        return counted({
          get Worksheets() {
            return worksheets;
          },
        });
      },
    });
    const sheetValues = (name) => {
      const sheet = state.sheets.find((s) => s.name === name);
      if (!sheet) return null;
      const keys = [...sheet.cells.keys()].map((k) => k.split(",").map(Number));
      const h = Math.max(0, ...keys.map((k) => k[0] + 1));
      const w = Math.max(0, ...keys.map((k) => k[1] + 1));
      return Array.from({ length: h }, (_, r) =>
        Array.from({ length: w }, (_, c) =>
          sheet.cells.has(`${r},${c}`) ? sheet.cells.get(`${r},${c}`) : "",
        ),
      );
    };
    return { Application, state, sheetValues, bytesOf };
  }

  /**
   * A fake WPS 文字 Application. The document is a list of blocks in order: paragraphs ({ text }) and content
   * controls ({ tag, text }); its custom XML parts; initial.file, the .docx that saving or ExportFragment gives.
   * Range.InsertFile reads the file from the fake FileSystem: into a control's range it replaces the control's
   * content and keeps the control (its block, its tag: file holds what was inserted); at the selection it adds
   * a block there. `profile` as profileOf says.
   */
  function createFakeWps(initial, profile) {
    const p = profileOf(profile);
    const init = initial || {};
    const state = {
      blocks: (init.blocks || []).map((b) => ({ ...b })),
      customXml: (init.customXml || []).map((xml) => ({ xml })),
      calls: 0,
      ops: [],
      selected: null,
      cursor: (init.blocks || []).length,
    };
    const counted = counter(state);
    const file = Array.from(init.file || []);
    const textOf = (blocks) => blocks.map((b) => b.text).join("\r");

    function insertFile(path, into) {
      state.ops.push({ op: "InsertFile", path, tag: into ? into.tag : null });
      if (!p.insertFile) throw new Error("fake WPS: InsertFile failed");
      if (!state.files.has(path)) throw new Error(`fake WPS: no file ${path}`);
      const data = state.files.get(path);
      if (into) {
        into.file = data;
        into.text = `（已插入 ${data.length} 字节）`;
      } else state.blocks.splice(state.cursor, 0, { inserted: data, text: `（已插入 ${data.length} 字节）` });
    }
    const control = (b) =>
      counted({
        get Tag() {
          return b.tag;
        },
        get Range() {
          return counted({
            get Text() {
              return b.text;
            },
            InsertFile: (path) => insertFile(path, b),
          });
        },
      });
    const controls = (filter) => {
      const list = () => state.blocks.filter((b) => b.tag !== undefined && filter(b));
      return counted({
        get Count() {
          return list().length;
        },
        Item: (i) => control(list()[i - 1]),
      });
    };
    const xmlPart = (x) =>
      counted({
        get XML() {
          return x.xml;
        },
        Delete() {
          state.ops.push({ op: "deleteXml" });
          state.customXml = state.customXml.filter((y) => y !== x);
        },
      });
    const xmlParts = (filter) => {
      const list = () => state.customXml.filter(filter);
      return counted({
        get Count() {
          return list().length;
        },
        Item: (i) => xmlPart(list()[i - 1]),
        Add(xml) {
          state.ops.push({ op: "addXml" });
          state.customXml.push({ xml });
        },
        SelectByNamespace: (ns) => xmlParts((x) => x.xml.includes(`"${ns}"`)),
      });
    };
    const content = () => {
      let found = null;
      return counted({
        get Text() {
          return textOf(state.blocks);
        },
        get Find() {
          return counted({
            Execute(text, matchCase) {
              const hay = textOf(state.blocks);
              found = (matchCase ? hay.includes(text) : hay.toLowerCase().includes(text.toLowerCase()))
                ? text
                : null;
              return found !== null;
            },
          });
        },
        Select() {
          state.selected = found === null ? textOf(state.blocks) : found;
        },
        ExportFragment(path, format) {
          state.ops.push({ op: "ExportFragment", format });
          if (format !== 16) throw new Error("fake WPS: only wdFormatDocumentDefault");
          state.files.set(path, String.fromCharCode(...file));
        },
      });
    };
    const Application = counted({
      ...addinRoot(state, p, counted),
      get Documents() {
        return counted({ Count: 1 });
      },
      get ActiveDocument() {
        if (init.closed) return null;
        return counted({
          get ContentControls() {
            return controls(() => true);
          },
          SelectContentControlsByTag: (tag) => controls((b) => b.tag === tag),
          get CustomXMLParts() {
            return xmlParts(() => true);
          },
          get Content() {
            return content();
          },
          get Saved() {
            return !!init.saved;
          },
          get FullName() {
            return init.fullName || "文档1";
          },
        });
      },
      get Selection() {
        return counted({
          get Range() {
            return counted({ InsertFile: (path) => insertFile(path, null) });
          },
        });
      },
    });
    if (init.fullName) state.files.set(init.fullName, String.fromCharCode(...file));
    return { Application, state, bytesOf };
  }

  root.createFakeEt = createFakeEt;
  root.createFakeWps = createFakeWps;
  if (typeof module !== "undefined") module.exports = { createFakeEt, createFakeWps };
})(globalThis);
