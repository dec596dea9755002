// A fake WPS 表格 (ET) Application for tests: the part of WPS's JS API (a VBA-like object model, synchronous)
// the add-in uses, with every property read or write and every method call into it counted (state.calls), as
// each is a call across the boundary into WPS. Cells hold what Value2 gives: numbers (dates as serials),
// strings, booleans; empty cells read as undefined. Plain JavaScript, for Jest and a browser page alike.
(function (root) {
  function createFakeEt(initial) {
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
    /** Counts every property access and call on a WPS object. */
    const counted = (obj) =>
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
    function newSheet(name, rows) {
      const sheet = { name, cells: new Map(), visible: -1, merges: [], validations: [], bold: [] };
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
        set WrapText(v) {},
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
        Activate() {
          state.active = sheet.name;
        },
        Delete() {
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
    // The add-in root's part WPS merges into Application: task panes and the add-in's PluginStorage.
    state.panes = [];
    const storage = new Map();
    const Application = counted({
      get Workbooks() {
        return counted({ Count: 1 });
      },
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
      get ActiveWorkbook() {
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
    return { Application, state, sheetValues };
  }
  root.createFakeEt = createFakeEt;
  if (typeof module !== "undefined") module.exports = { createFakeEt };
})(globalThis);
