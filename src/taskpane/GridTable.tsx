/**
 * A table grid (表二/三/四) as an HTML table with the template's merges; number cells carry data-key, and with
 * `onNumber` the numbers of 表三 and 表四 are buttons (the rows behind them).
 */
import type { TableGrid } from "../report/tables/layout";

export function GridTable({
  grid,
  caption,
  onNumber,
}: {
  grid: TableGrid;
  caption: string;
  onNumber?: (key: string) => void;
}) {
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
                  {onNumber && c.key && grid.part !== "table2" ? (
                    <button
                      type="button"
                      title="查看计入此数的登记行"
                      onClick={() => onNumber(c.key as string)}
                      style={{
                        all: "unset",
                        cursor: "pointer",
                        color: "#0f6cbd",
                        textDecoration: "underline dotted",
                        display: "block",
                        textAlign: "center",
                      }}
                    >
                      {c.text}
                    </button>
                  ) : (
                    c.text
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
