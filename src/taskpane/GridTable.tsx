/** A table grid (表二/三/四) as an HTML table with the template's merges; number cells carry data-key. */
import type { TableGrid } from "../report/layout";

export function GridTable({ grid, caption }: { grid: TableGrid; caption: string }) {
  return (
    <div style={{ overflowX: "auto", marginBottom: 12 }}>
      <table
        aria-label={caption}
        data-part={grid.part}
        style={{
          borderCollapse: "collapse",
          fontSize: 10,
          width: "100%",
          minWidth: grid.part === "table2" ? 0 : 560,
        }}
      >
        <caption style={{ textAlign: "left", fontWeight: 600, fontSize: 12, padding: "4px 0" }}>
          {caption}
        </caption>
        <tbody>
          {grid.rows.map((row, i) => (
            <tr key={i}>
              {row.map((c, j) => (
                <td
                  key={j}
                  colSpan={c.colSpan}
                  rowSpan={c.rowSpan}
                  data-key={c.key}
                  style={{
                    border: "1px solid #8a8a8a",
                    padding: "2px 3px",
                    textAlign: c.align,
                    background: c.header ? "#f3f3f3" : undefined,
                  }}
                >
                  {c.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
