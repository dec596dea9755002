/**
 * 识别台账: what was understood of the agency's own ledger — the registers found (sheet, header row, the columns
 * read for each field), the sheets left out, the tables typed by hand — and every value whose words say too
 * little and every column two fields may be, each with a dropdown of its possible answers, under a sentence that
 * says what that kind of question keeps out (./register/questions: a value's rows; no row for the 信息处理费;
 * the rows a deciding column's choice would move). 保存对应关系 hands the chosen answers to the host (which keeps
 * them in the 对应关系 table); a question left unanswered stays one.
 */
import { Button, Field, Select, Subtitle2, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { CompileResult } from "../report/compile";
import { SHEETS } from "../report/register/registers";
import { questionGroups } from "../report/register/questions";
import type { FoundRegister } from "../report/register/ledger";
import { LIST_STYLE } from "./IssueList";

const TABLE_NAMES = { t2: "表二", t3: "表三", t4: "表四" } as const;
const keyOf = (field: string, value: string) => `${field}\u0000${value}`;

/** A register's columns in words: each field's header, the same columns beside it, the fields still asked. */
const columnsText = (r: FoundRegister) =>
  [
    ...Object.entries(r.columns).map(
      ([field, c]) =>
        `${field}：「${c.header}」${c.same?.length ? `（与${c.same.map((h) => `「${h}」`).join("")}各行相同）` : ""}`,
    ),
    ...Object.entries(r.ask ?? {}).map(
      ([field, a]) => `${field}：${a.columns.map((c) => `「${c.header}」`).join("或")}（待确认）`,
    ),
  ].join("；");

/** Whether there is anything to show: a ledger read by its content, a question, or tables typed by hand. */
export const hasLedgerNews = (r: CompileResult): boolean =>
  r.ledger.registers.length > 0 || r.ledger.pending.length > 0 || !!r.typed;

export function LedgerPanel({
  result,
  busy,
  onSave,
}: {
  result: CompileResult;
  busy: boolean;
  /** The answers chosen, as 对应关系 rows: 项目 | 台账中的写法 | 对应为. */
  onSave: (rows: string[][]) => void;
}) {
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const { registers, ignored, pending } = result.ledger;
  const answered = pending.filter((p) => chosen[keyOf(p.field, p.value)]);
  return (
    <section aria-labelledby="ledger-heading" style={{ display: "flex", flexDirection: "column", gap: 6 }}>
      <Subtitle2 as="h2" id="ledger-heading">
        识别台账
      </Subtitle2>
      {registers.length > 0 && (
        <ul aria-label="识别出的登记表" style={LIST_STYLE}>
          {registers.map((r) => (
            <li key={`${r.sheet}-${r.as}`}>
              <Text weight="semibold">
                「{r.sheet}」作为{SHEETS[r.as]}
              </Text>
              <Text block size={200}>
                表头在第{r.headerRow}行{r.rows !== undefined ? `，${r.rows}行` : ""}。{columnsText(r)}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {result.typed && (
        <Text size={200}>
          {result.typed.tables.map((t) => TABLE_NAMES[t]).join("、")}按{result.typed.where}中直接填写的数字。
        </Text>
      )}
      {ignored.length > 0 && <Text size={200}>未作为登记表读取的工作表：{ignored.join("、")}。</Text>}
      {pending.length > 0 && (
        <>
          <Subtitle2 as="h3">需要确认的写法（{pending.length}）</Subtitle2>
          <Text size={200}>请逐一选择，再点“保存对应关系”；每种写法只需确认一次。</Text>
          {questionGroups(result.ledger).map((g) => (
            <div
              key={g.note}
              role="group"
              aria-label={g.note}
              style={{ display: "flex", flexDirection: "column", gap: 6 }}
            >
              <Text size={200}>{g.note}</Text>
              {g.items.map((p) => {
                const k = keyOf(p.field, p.value);
                return (
                  <Field key={k} label={`${p.field}「${p.value}」（${p.rows}行）`}>
                    <Select
                      value={chosen[k] ?? ""}
                      onChange={(_, d) => setChosen((old) => ({ ...old, [k]: d.value }))}
                    >
                      <option value="">请选择…</option>
                      {p.choices.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </Select>
                  </Field>
                );
              })}
            </div>
          ))}
          <Button
            appearance="primary"
            disabled={busy || !answered.length}
            onClick={() => onSave(answered.map((p) => [p.field, p.value, chosen[keyOf(p.field, p.value)]]))}
          >
            保存对应关系
          </Button>
        </>
      )}
    </section>
  );
}
