/**
 * 审核要点 in the 审核与汇总 tab: the rules the review applies, as the command line's `--rules` sets them — each
 * rule on or off, handled as 需修改 or 提示, its thresholds (deadlines, the 雷同 share, the length cap) — or a
 * rule file picked (.xlsx, .csv, .json; a review workbook written before carries its own). Folded away by
 * default; a change takes effect on the next review (the tab reruns it).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import type { RuleId } from "../report/formats";
import { defaultRuleSet, paramValid, RULES } from "../report/rules/ruleset";
import type { Handling, RuleChoice, RuleSet } from "../report/rules/ruleset";
import { FilePicker } from "./FilePicker";

function ParamField({
  id,
  label,
  kind,
  value,
  onChange,
}: {
  id: RuleId;
  label: string;
  kind: "date" | "share" | "count";
  value: string;
  onChange: (v: string) => void;
}) {
  const [text, setText] = useState(value);
  const ok = paramValid(kind, text);
  return (
    <Field
      label={`${id} ${label}`}
      validationMessage={
        ok
          ? undefined
          : kind === "date"
            ? "请填写日期，如 1月31日"
            : kind === "share"
              ? "请填写比例，如 50%"
              : "请填写整数，如 1000"
      }
    >
      <Input
        value={text}
        onChange={(_, d) => {
          setText(d.value);
          if (paramValid(kind, d.value)) onChange(d.value.trim());
        }}
      />
    </Field>
  );
}

export function ReviewRules({
  value,
  onChange,
  onFile,
  disabled,
}: {
  value: RuleSet;
  onChange: (set: RuleSet) => void;
  /** A rule file picked: the tab reads it (actions.readRuleSet) and says what it read. */
  onFile: (file: File) => void;
  disabled?: boolean;
}) {
  const on = RULES.filter((r) => value.rules[r.id]?.on ?? r.on).length;
  const change = (id: RuleId, c: Partial<RuleChoice>) => {
    const base = value.rules[id] as RuleChoice;
    onChange({ from: "任务窗格中的设置", rules: { ...value.rules, [id]: { ...base, ...c } } });
  };
  return (
    <Accordion collapsible>
      <AccordionItem value="rules">
        <AccordionHeader>{`审核要点（启用 ${on}/${RULES.length} 条；${value.from}）`}</AccordionHeader>
        <AccordionPanel>
          <FilePicker
            label="审核要点文件（可选）"
            hint="「审核要点」工作表的 .xlsx、.csv 或 .json；以前导出的审核结果工作簿也可以"
            accept=".xlsx,.csv,.json"
            name="选择审核要点文件"
            onFile={onFile}
          />
          <Button disabled={disabled} onClick={() => onChange(defaultRuleSet())}>
            恢复全国默认
          </Button>
          <ul aria-label="审核要点" style={{ listStyle: "none", padding: 0 }}>
            {RULES.map((r) => {
              const c = value.rules[r.id] ?? { on: r.on, handling: r.handling, params: {} };
              return (
                <li key={r.id} style={{ marginBottom: 8 }}>
                  <Checkbox
                    label={`${r.id} ${r.name}`}
                    checked={c.on}
                    disabled={disabled}
                    onChange={(_, d) => change(r.id, { on: !!d.checked })}
                  />
                  <Select
                    aria-label={`${r.id} ${r.name}：处理`}
                    value={c.handling}
                    disabled={disabled || !c.on}
                    onChange={(_, d) => change(r.id, { handling: d.value as Handling })}
                  >
                    <option value="需修改">需修改</option>
                    <option value="提示">提示</option>
                  </Select>
                  {(r.params ?? []).map((p) => (
                    <ParamField
                      key={`${value.from}|${p.key}`}
                      id={r.id}
                      label={p.key}
                      kind={p.kind}
                      value={c.params[p.key] ?? p.value}
                      onChange={(v) => change(r.id, { params: { ...c.params, [p.key]: v } })}
                    />
                  ))}
                  <Text size={200} block>
                    依据：{r.source}
                  </Text>
                </li>
              );
            })}
          </ul>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
