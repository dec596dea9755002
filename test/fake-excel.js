// A fake Excel host for tests: enough of Excel's JavaScript API for the add-in's adapters, recording every
// operation and counting context.sync() calls. Loaded properties are only readable after a sync, as in Excel.
// `profile.excelApi` is the highest ExcelApi set the simulated Excel has (Microsoft's tables: Excel 2016 1.1,
// 2019 1.7, LTSC 2021 1.14, LTSC 2024 1.17): a member of a later set (API_SETS, held to @types/office-js by a
// test) is queued, and the next context.sync() fails with ApiNotFound, as Excel fails the batch. `Office` has
// the requirement checks of that Excel (and the known trap: CustomFunctionsRuntime answers true even on 2016).
// Plain JavaScript, so that Jest (require) and a browser page (a <script>) can both use it.
(function (root) {
  /** The ExcelApi set of each member the fake has, as @types/office-js annotates it. */
  const API_SETS = {
    "Workbook.worksheets": "1.1",
    "Workbook.settings": "1.4",
    "Workbook.getSelectedRange": "1.1",
    "WorksheetCollection.add": "1.1",
    "WorksheetCollection.getItem": "1.1",
    "WorksheetCollection.getItemOrNullObject": "1.4",
    "Worksheet.name": "1.1",
    "Worksheet.visibility": "1.1",
    "Worksheet.getRange": "1.1",
    "Worksheet.getRangeByIndexes": "1.7",
    "Worksheet.getUsedRangeOrNullObject": "1.4",
    "Worksheet.tables": "1.1",
    "Worksheet.freezePanes": "1.7",
    "Worksheet.activate": "1.1",
    "Worksheet.delete": "1.1",
    "WorksheetFreezePanes.freezeRows": "1.7",
    "TableCollection.add": "1.1",
    "Range.values": "1.1",
    "Range.numberFormat": "1.1",
    "Range.format": "1.1",
    "Range.dataValidation": "1.8",
    "Range.merge": "1.2",
    "Range.select": "1.1",
    "Range.getEntireRow": "1.1",
    "Range.worksheet": "1.1",
    "Range.rowIndex": "1.1",
    "Range.columnIndex": "1.1",
    "RangeFormat.columnWidth": "1.2",
    "RangeFormat.wrapText": "1.1",
    "RangeFormat.horizontalAlignment": "1.1",
    "RangeFormat.verticalAlignment": "1.1",
    "RangeFormat.font": "1.1",
    "RangeFormat.fill": "1.1",
    "RangeFill.color": "1.1",
    "RangeFormat.borders": "1.1",
    "RangeFont.bold": "1.1",
    "RangeFont.size": "1.1",
    "RangeBorderCollection.getItem": "1.1",
    "RangeBorder.style": "1.1",
    "DataValidation.rule": "1.8",
    "RangeFormat.autofitRows": "1.2",
    "RangeFormat.rowHeight": "1.2",
    "Range.conditionalFormats": "1.6",
    "ConditionalFormatCollection.add": "1.6",
    "ConditionalFormat.dataBar": "1.6",
    "DataBarConditionalFormat.lowerBoundRule": "1.6",
    "DataBarConditionalFormat.upperBoundRule": "1.6",
    "DataBarConditionalFormat.positiveFormat": "1.6",
    "ConditionalDataBarPositiveFormat.fillColor": "1.6",
    "ConditionalDataBarPositiveFormat.gradientFill": "1.6",
    "Worksheet.pageLayout": "1.9",
    "PageLayout.paperSize": "1.9",
    "PageLayout.orientation": "1.9",
    "PageLayout.centerHorizontally": "1.9",
    "PageLayout.zoom": "1.9",
    "PageLayout.setPrintTitleRows": "1.9",
    "PageLayout.headersFooters": "1.9",
    "HeaderFooterGroup.defaultForAllPages": "1.9",
    "HeaderFooter.centerHeader": "1.9",
    "HeaderFooter.centerFooter": "1.9",
    "SettingCollection.add": "1.4",
    "SettingCollection.getItemOrNullObject": "1.4",
  };
  /** Whether version `have` ("1.14") is at least `want` ("1.8"), minor by minor. */
  const atLeast = (have, want) => {
    const [a, b] = String(have).split(".").map(Number);
    const [c, d] = String(want).split(".").map(Number);
    return a > c || (a === c && (b || 0) >= (d || 0));
  };

  function createFakeExcel(initial, profile) {
    const excelApi = (profile && profile.excelApi) || "1.20";
    const unsupported = [];
    /** Records a call of a member this Excel lacks: the next sync fails, as Excel's does. */
    const use = (member) => {
      if (!atLeast(excelApi, API_SETS[member])) unsupported.push(`${member}（ExcelApi ${API_SETS[member]}）`);
    };
    const state = {
      sheets: [],
      settings: {},
      ops: [],
      syncs: 0,
      loadedCellsPerSync: [],
      selected: null,
      active: null,
      apiNotFound: [],
    };
    let pending = [];
    let loadedCells = 0;

    const colIndex = (letters) => letters.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const letter = (i) => {
      let s = "";
      for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    const addressOf = (r, c, h, w) => `${letter(c)}${r + 1}:${letter(c + w - 1)}${r + h}`;

    function newSheet(name, rows) {
      const sheet = {
        name,
        cells: new Map(),
        visibility: "Visible",
        tables: [],
        merges: [],
        validations: [],
        formats: [],
        /** Conditional formats added ({ address, type, dataBar: { lowerBoundRule, upperBoundRule, fillColor, gradientFill } }). */
        conditionalFormats: [],
        /** What its PageLayout was given (paperSize, orientation, zoom, printTitleRows, centerHeader, centerFooter…). */
        pageLayout: {},
      };
      (rows || []).forEach((row, r) =>
        row.forEach((v, c) => v !== "" && v !== null && v !== undefined && sheet.cells.set(`${r},${c}`, v)),
      );
      return sheet;
    }
    for (const s of (initial && initial.sheets) || []) state.sheets.push(newSheet(s.name, s.rows));
    Object.assign(state.settings, (initial && initial.settings) || {});

    // An operation names its sheet as the sheet is named now (a sheet made under a passing name, then renamed).
    const record = (op, sheet, address, detail) =>
      state.ops.push({
        op,
        get sheet() {
          return sheet ? sheet.name : null;
        },
        address,
        detail,
      });

    function rangeOf(sheet, r, c, h, w) {
      let loaded = false;
      const range = {
        get isNullObject() {
          return false;
        },
        load() {
          pending.push(() => {
            loaded = true;
            loadedCells += h * w;
          });
          return range;
        },
        get values() {
          if (!loaded) throw new Error("PropertyNotLoaded: values");
          return Array.from({ length: h }, (_, i) =>
            Array.from({ length: w }, (_, j) =>
              sheet.cells.has(`${r + i},${c + j}`) ? sheet.cells.get(`${r + i},${c + j}`) : "",
            ),
          );
        },
        set values(v) {
          record("write", sheet, addressOf(r, c, h, w), { rows: v.length });
          v.forEach((row, i) =>
            row.forEach((x, j) =>
              x === "" || x === null
                ? sheet.cells.delete(`${r + i},${c + j}`)
                : sheet.cells.set(`${r + i},${c + j}`, x),
            ),
          );
        },
        rowIndex: r,
        columnIndex: c,
        rowCount: h,
        columnCount: w,
        address: `${sheet.name}!${addressOf(r, c, h, w)}`,
        set numberFormat(v) {
          record("numberFormat", sheet, addressOf(r, c, h, w), v);
        },
        format: {
          font: {
            set bold(v) {
              record("format", sheet, addressOf(r, c, h, w), { bold: v });
            },
            set size(v) {
              record("format", sheet, addressOf(r, c, h, w), { size: v });
            },
          },
          fill: {
            set color(v) {
              record("format", sheet, addressOf(r, c, h, w), { fill: v });
            },
          },
          set wrapText(v) {
            record("format", sheet, addressOf(r, c, h, w), { wrapText: v });
          },
          set verticalAlignment(v) {
            record("format", sheet, addressOf(r, c, h, w), { verticalAlignment: v });
          },
          set horizontalAlignment(v) {
            record("format", sheet, addressOf(r, c, h, w), { horizontalAlignment: v });
            sheet.formats.push({ address: addressOf(r, c, h, w), horizontalAlignment: v });
          },
          set columnWidth(v) {
            use("RangeFormat.columnWidth");
            record("format", sheet, addressOf(r, c, h, w), { columnWidth: v });
          },
          set rowHeight(v) {
            use("RangeFormat.rowHeight");
            record("format", sheet, addressOf(r, c, h, w), { rowHeight: v });
          },
          autofitRows() {
            use("RangeFormat.autofitRows");
            record("autofitRows", sheet, addressOf(r, c, h, w));
          },
          borders: {
            getItem(edge) {
              return {
                set style(v) {
                  record("border", sheet, addressOf(r, c, h, w), { edge, style: v });
                },
              };
            },
          },
        },
        get conditionalFormats() {
          use("Range.conditionalFormats");
          return {
            add(type) {
              use("ConditionalFormatCollection.add");
              const added = { address: addressOf(r, c, h, w), type, dataBar: {} };
              record("conditionalFormat", sheet, added.address, { type });
              sheet.conditionalFormats.push(added);
              const set = (member, key) => (v) => {
                use(member);
                added.dataBar[key] = v;
              };
              return {
                get dataBar() {
                  use("ConditionalFormat.dataBar");
                  // As Excel: a format's dataBar is there only when it is one.
                  if (type !== "DataBar")
                    throw new Error(`fake: a ${type} conditional format has no dataBar`);
                  return {
                    set lowerBoundRule(v) {
                      set("DataBarConditionalFormat.lowerBoundRule", "lowerBoundRule")(v);
                    },
                    set upperBoundRule(v) {
                      set("DataBarConditionalFormat.upperBoundRule", "upperBoundRule")(v);
                    },
                    get positiveFormat() {
                      use("DataBarConditionalFormat.positiveFormat");
                      return {
                        set fillColor(v) {
                          set("ConditionalDataBarPositiveFormat.fillColor", "fillColor")(v);
                        },
                        set gradientFill(v) {
                          set("ConditionalDataBarPositiveFormat.gradientFill", "gradientFill")(v);
                        },
                      };
                    },
                  };
                },
              };
            },
          };
        },
        get dataValidation() {
          use("Range.dataValidation");
          return {
            set rule(v) {
              record("validation", sheet, addressOf(r, c, h, w), v);
              sheet.validations.push({ address: addressOf(r, c, h, w), rule: v });
            },
          };
        },
        merge(across) {
          use("Range.merge");
          record("merge", sheet, addressOf(r, c, h, w), { across });
          sheet.merges.push({ r, c, h, w });
        },
        select() {
          record("select", sheet, addressOf(r, c, h, w));
          state.selected = { sheet: sheet.name, address: addressOf(r, c, h, w) };
        },
        getEntireRow: () => rangeOf(sheet, r, 0, h, 16384),
        get worksheet() {
          return worksheetOf(sheet);
        },
      };
      return range;
    }

    function parseAddress(address) {
      const m = /^([A-Z]+)(\d*)(?::([A-Z]+)(\d*))?$/.exec(address);
      if (!m) throw new Error(`fake: bad address ${address}`);
      const c1 = colIndex(m[1]);
      const c2 = m[3] ? colIndex(m[3]) : c1;
      const r1 = m[2] ? Number(m[2]) - 1 : 0;
      const r2 = m[4] ? Number(m[4]) - 1 : m[2] ? r1 : 1048575;
      return [r1, c1, r2 - r1 + 1, c2 - c1 + 1];
    }

    function worksheetOf(sheet) {
      const ws = {
        get name() {
          return sheet.name;
        },
        set name(v) {
          if (state.sheets.some((s) => s !== sheet && s.name === v))
            throw new Error(`fake: sheet ${v} exists`);
          record("rename", sheet, null, v);
          sheet.name = v;
        },
        load() {
          return ws;
        },
        isNullObject: false,
        get visibility() {
          return sheet.visibility;
        },
        set visibility(v) {
          record("visibility", sheet, null, v);
          sheet.visibility = v;
        },
        getRangeByIndexes: (r, c, h, w) => {
          use("Worksheet.getRangeByIndexes");
          return rangeOf(sheet, r, c, h, w);
        },
        getRange: (address) => rangeOf(sheet, ...parseAddress(address)),
        getUsedRangeOrNullObject() {
          use("Worksheet.getUsedRangeOrNullObject");
          const keys = [...sheet.cells.keys()].map((k) => k.split(",").map(Number));
          if (!keys.length) return { isNullObject: true, load() {} };
          const rows = keys.map((k) => k[0]);
          const cols = keys.map((k) => k[1]);
          const r = Math.min(...rows);
          const c = Math.min(...cols);
          // Its position and size are known at once; its values (like any range's) only once loaded and synced.
          const range = rangeOf(sheet, r, c, Math.max(...rows) - r + 1, Math.max(...cols) - c + 1);
          const loadValues = range.load;
          range.load = (props) => (/values/.test(String(props)) ? loadValues() : range);
          return range;
        },
        tables: {
          add(address, hasHeaders) {
            record("table", sheet, address, { hasHeaders });
            const t = { name: "" };
            sheet.tables.push(t);
            return t;
          },
        },
        get pageLayout() {
          use("Worksheet.pageLayout");
          const layout = sheet.pageLayout;
          const set = (member, key) => (v) => {
            use(member);
            record("pageLayout", sheet, null, { [key]: v });
            layout[key] = v;
          };
          return {
            set paperSize(v) {
              set("PageLayout.paperSize", "paperSize")(v);
            },
            set orientation(v) {
              set("PageLayout.orientation", "orientation")(v);
            },
            set centerHorizontally(v) {
              set("PageLayout.centerHorizontally", "centerHorizontally")(v);
            },
            set zoom(v) {
              set("PageLayout.zoom", "zoom")({ ...v });
            },
            setPrintTitleRows(rows) {
              if (!/^\$\d+:\$\d+$/.test(rows)) throw new Error(`fake: bad print title rows ${rows}`);
              set("PageLayout.setPrintTitleRows", "printTitleRows")(rows);
            },
            get headersFooters() {
              use("PageLayout.headersFooters");
              return {
                get defaultForAllPages() {
                  use("HeaderFooterGroup.defaultForAllPages");
                  return {
                    set centerHeader(v) {
                      set("HeaderFooter.centerHeader", "centerHeader")(v);
                    },
                    set centerFooter(v) {
                      set("HeaderFooter.centerFooter", "centerFooter")(v);
                    },
                  };
                },
              };
            },
          };
        },
        get freezePanes() {
          use("Worksheet.freezePanes");
          return {
            freezeRows(n) {
              record("freeze", sheet, null, n);
            },
          };
        },
        delete() {
          // As Excel: a workbook keeps at least one visible sheet.
          if (!state.sheets.some((s) => s !== sheet && s.visibility === "Visible"))
            throw new Error("fake: the last visible sheet cannot be deleted");
          record("delete", sheet);
          state.sheets = state.sheets.filter((s) => s !== sheet);
        },
        activate() {
          record("activate", sheet);
          state.active = sheet.name;
        },
      };
      return ws;
    }

    const worksheets = {
      items: [],
      load() {
        pending.push(() => (worksheets.items = state.sheets.map(worksheetOf)));
        return worksheets;
      },
      add(name) {
        if (state.sheets.some((s) => s.name === name)) throw new Error(`fake: sheet ${name} exists`);
        const sheet = newSheet(name);
        state.sheets.push(sheet);
        record("addSheet", sheet);
        return worksheetOf(sheet);
      },
      getItem(name) {
        const sheet = state.sheets.find((s) => s.name === name);
        if (!sheet) throw new Error(`ItemNotFound: ${name}`);
        return worksheetOf(sheet);
      },
      getItemOrNullObject(name) {
        use("WorksheetCollection.getItemOrNullObject");
        const sheet = state.sheets.find((s) => s.name === name);
        return sheet
          ? worksheetOf(sheet)
          : { isNullObject: true, getRangeByIndexes: () => ({ load() {}, values: [[]] }) };
      },
    };

    const settings = {
      add(key, value) {
        use("SettingCollection.add");
        record("setting", null, key, value);
        state.settings[key] = value;
      },
      getItemOrNullObject(key) {
        use("SettingCollection.getItemOrNullObject");
        const item = { isNullObject: !(key in state.settings), value: undefined, load() {} };
        pending.push(() => (item.value = state.settings[key]));
        return item;
      },
    };

    const context = {
      workbook: {
        worksheets,
        /** The selection: state.selected ({ sheet, address }), or A1 of the first sheet. */
        getSelectedRange() {
          const sel = state.selected || { sheet: state.sheets[0] && state.sheets[0].name, address: "A1" };
          const sheet = state.sheets.find((x) => x.name === sel.sheet);
          if (!sheet) throw new Error("fake: no sheet selected");
          return rangeOf(sheet, ...parseAddress(sel.address));
        },
        get settings() {
          use("Workbook.settings");
          return settings;
        },
      },
      async sync() {
        state.syncs++;
        if (unsupported.length) {
          const missing = unsupported.splice(0);
          pending = [];
          state.apiNotFound.push(...missing);
          throw Object.assign(new Error(`ApiNotFound: ${missing.join("、")}`), { code: "ApiNotFound" });
        }
        loadedCells = 0;
        const run = pending;
        pending = [];
        run.forEach((f) => f());
        state.loadedCellsPerSync.push(loadedCells);
      },
    };

    const Excel = {
      run: async (cb) => cb(context),
      SheetVisibility: { visible: "Visible", hidden: "Hidden" },
      VerticalAlignment: { center: "Center" },
      HorizontalAlignment: { center: "Center", left: "Left" },
      BorderIndex: {
        edgeTop: "EdgeTop",
        edgeBottom: "EdgeBottom",
        edgeLeft: "EdgeLeft",
        edgeRight: "EdgeRight",
        insideHorizontal: "InsideHorizontal",
        insideVertical: "InsideVertical",
      },
      BorderLineStyle: { continuous: "Continuous" },
    };
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
    const Office = {
      PlatformType: { PC: "PC", Mac: "Mac", OfficeOnline: "OfficeOnline" },
      context: {
        platform: "PC",
        requirements: {
          isSetSupported(name, version) {
            if (name === "ExcelApi") return atLeast(excelApi, version || "1.1");
            // Office 2016 answers true here though it runs no custom functions: never gate on it.
            if (name === "CustomFunctionsRuntime") return true;
            if (name === "SharedRuntime") return atLeast(excelApi, "1.14");
            return false;
          },
        },
      },
    };
    return { Excel, Office, context, state, sheetValues };
  }

  root.createFakeExcel = createFakeExcel;
  if (typeof module !== "undefined") module.exports = { createFakeExcel, API_SETS };
})(globalThis);
