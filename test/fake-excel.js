// A fake Excel host for tests: enough of Excel's JavaScript API for the add-in's adapters, recording every
// operation and counting context.sync() calls. Loaded properties are only readable after a sync, as in Excel.
// Plain JavaScript, so that Jest (require) and a browser page (a <script>) can both use it.
(function (root) {
  function createFakeExcel(initial) {
    const state = {
      sheets: [],
      settings: {},
      ops: [],
      syncs: 0,
      loadedCellsPerSync: [],
      selected: null,
      active: null,
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
      };
      (rows || []).forEach((row, r) =>
        row.forEach((v, c) => v !== "" && v !== null && v !== undefined && sheet.cells.set(`${r},${c}`, v)),
      );
      return sheet;
    }
    for (const s of (initial && initial.sheets) || []) state.sheets.push(newSheet(s.name, s.rows));
    Object.assign(state.settings, (initial && initial.settings) || {});

    const record = (op, sheet, address, detail) =>
      state.ops.push({ op, sheet: sheet ? sheet.name : null, address, detail });

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
            record("format", sheet, addressOf(r, c, h, w), { columnWidth: v });
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
        dataValidation: {
          set rule(v) {
            record("validation", sheet, addressOf(r, c, h, w), v);
            sheet.validations.push({ address: addressOf(r, c, h, w), rule: v });
          },
        },
        merge(across) {
          record("merge", sheet, addressOf(r, c, h, w), { across });
          sheet.merges.push({ r, c, h, w });
        },
        select() {
          record("select", sheet, addressOf(r, c, h, w));
          state.selected = { sheet: sheet.name, address: addressOf(r, c, h, w) };
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
        isNullObject: false,
        get visibility() {
          return sheet.visibility;
        },
        set visibility(v) {
          record("visibility", sheet, null, v);
          sheet.visibility = v;
        },
        getRangeByIndexes: (r, c, h, w) => rangeOf(sheet, r, c, h, w),
        getRange: (address) => rangeOf(sheet, ...parseAddress(address)),
        getUsedRangeOrNullObject() {
          const keys = [...sheet.cells.keys()].map((k) => k.split(",").map(Number));
          if (!keys.length) return { isNullObject: true, load() {} };
          const rows = keys.map((k) => k[0]);
          const cols = keys.map((k) => k[1]);
          const r = Math.min(...rows);
          const c = Math.min(...cols);
          return Object.assign(rangeOf(sheet, r, c, Math.max(...rows) - r + 1, Math.max(...cols) - c + 1), {
            load() {},
          });
        },
        tables: {
          add(address, hasHeaders) {
            record("table", sheet, address, { hasHeaders });
            const t = { name: "" };
            sheet.tables.push(t);
            return t;
          },
        },
        freezePanes: {
          freezeRows(n) {
            record("freeze", sheet, null, n);
          },
        },
        delete() {
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
        const sheet = state.sheets.find((s) => s.name === name);
        return sheet
          ? worksheetOf(sheet)
          : { isNullObject: true, getRangeByIndexes: () => ({ load() {}, values: [[]] }) };
      },
    };

    const settings = {
      add(key, value) {
        record("setting", null, key, value);
        state.settings[key] = value;
      },
      getItemOrNullObject(key) {
        const item = { isNullObject: !(key in state.settings), value: undefined, load() {} };
        pending.push(() => (item.value = state.settings[key]));
        return item;
      },
    };

    const context = {
      workbook: { worksheets, settings },
      async sync() {
        state.syncs++;
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
    return { Excel, context, state, sheetValues };
  }

  root.createFakeExcel = createFakeExcel;
  if (typeof module !== "undefined") module.exports = { createFakeExcel };
})(globalThis);
