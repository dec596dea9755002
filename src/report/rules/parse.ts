/**
 * 审核要点 as an office writes it and as the review writes it back: a sheet (or .csv) of the columns 编号, 审核要点,
 * 启用, 处理, 参数, 参数值, 分值, 扣分方式, 依据 — one row per rule, a further row with the same 编号 (or an empty one) for each of
 * its further parameters —, or a .json of the same (an array of rows keyed by the column names, or
 * { "审核要点": [...] }). Only 编号 is needed; a rule not listed keeps the national default, a cell left empty
 * keeps the default. Nothing is guessed: an unknown 编号, 参数 or value refuses the whole set, naming each row
 * and what it may be.
 */
import { cellText } from "../common/cells";
import type { Cell } from "../common/cells";
import type { RuleId } from "../formats";
import { defaultRuleSet, paramValid, ruleDef, RULES } from "./ruleset";
import { FULL_SCORE } from "./score";
import type { Handling, RuleSet } from "./ruleset";

export const RULE_SHEET_NAME = "审核要点";
export const RULE_COLUMNS = [
  "编号",
  "审核要点",
  "启用",
  "处理",
  "参数",
  "参数值",
  "分值",
  "扣分方式",
  "依据",
] as const;
type Column = (typeof RULE_COLUMNS)[number];

/** Header words offices may use for each column. */
const HEADERS: Record<Column, RegExp> = {
  编号: /^(编号|规则编号|规则|代码|ID)$/i,
  审核要点: /^(审核要点|要点|名称|规则名称|内容)$/,
  启用: /^(启用|是否启用|开启|是否检查|检查)$/,
  处理: /^(处理|处理方式|严重程度|程度|级别|结果)$/,
  参数: /^(参数|参数名|阈值名称|设置项)$/,
  参数值: /^(参数值|阈值|值|设置值|取值)$/,
  分值: /^(分值|扣分|扣分值|扣分分值|扣分标准|每项扣分|考核分值|分数)(\((分|分值)\))?$/,
  扣分方式: /^(扣分方式|计分方式|扣分办法|计分办法|计分)$/,
  依据: /^(依据|来源|出处)$/,
};

const PER_ITEM = /^(每项|每一项|每条|按项|按条|一次|每项扣分|每条扣分)$/;
const PER_FINDING = /^(每处|每一处|每个|按处|每次|按次|逐处|每发现一处|每处扣分)$/;
/** Points as offices write them: 2, 2分, 0.5, and a deduction written as one: -2, 扣2分. */
const POINTS = /^(?:扣|减)?[-−]?(\d+(?:\.\d+)?)分?$/;

const YES = /^(是|启用|开启|开|检查|√|✓|✔|y|yes|true|1)$/i;
const NO = /^(否|停用|关闭|关|不检查|不启用|×|✗|✘|n|no|false|0)$/i;
const MUST = /^(需修改|需要修改|错误|退回|必改)$/;
const HINT = /^(提示|警告|参考|建议)$/;

const squeeze = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/** The rule set a sheet's rows say (header row first, anywhere in the first rows); throws naming every problem. */
export function ruleSetFromRows(rows: Cell[][], from: string): RuleSet {
  const headerAt = rows.slice(0, 10).findIndex((r) => r.some((c) => HEADERS.编号.test(squeeze(cellText(c)))));
  if (headerAt < 0)
    throw new Error(
      `「${from}」中没有找到审核要点的表头（至少需要「编号」一列；可用的列：${RULE_COLUMNS.join("、")}）`,
    );
  const header = rows[headerAt].map((c) => squeeze(cellText(c)));
  const col = Object.fromEntries(
    RULE_COLUMNS.map((name) => [name, header.findIndex((h) => HEADERS[name].test(h))]),
  ) as Record<Column, number>;
  const set = defaultRuleSet();
  set.from = from;
  const problems: string[] = [];
  let last: RuleId | null = null;
  rows.slice(headerAt + 1).forEach((row, i) => {
    const at = `第${headerAt + i + 2}行`;
    const get = (name: Column) => (col[name] >= 0 ? squeeze(cellText(row[col[name]])) : "");
    if (!row.some((c) => cellText(c).trim())) return;
    const id = get("编号").toUpperCase();
    const rule = id ? ruleDef(id) : last ? ruleDef(last) : undefined;
    if (!rule) {
      problems.push(
        id
          ? `${at}的编号「${id}」不是审核要点的编号（可用：${RULES.map((r) => r.id).join("、")}）`
          : `${at}没有编号，上面也没有规则`,
      );
      return;
    }
    last = rule.id;
    const choice = set.rules[rule.id] as NonNullable<RuleSet["rules"][RuleId]>;
    const on = get("启用");
    if (on) {
      if (YES.test(on)) choice.on = true;
      else if (NO.test(on)) choice.on = false;
      else problems.push(`${at}（${rule.id}）的「启用」写作「${on}」，应为「是」或「否」`);
    }
    const handling = get("处理");
    if (handling) {
      if (MUST.test(handling)) choice.handling = "需修改" as Handling;
      else if (HINT.test(handling)) choice.handling = "提示";
      else problems.push(`${at}（${rule.id}）的「处理」写作「${handling}」，应为「需修改」或「提示」`);
    }
    const points = get("分值");
    if (points) {
      const n = Number(POINTS.exec(points)?.[1] ?? NaN);
      if (Number.isFinite(n) && n >= 0 && n <= FULL_SCORE) choice.points = n;
      else
        problems.push(
          `${at}（${rule.id}）的「分值」写作「${points}」，应为0到${FULL_SCORE}之间的数，如「2」`,
        );
    }
    const per = get("扣分方式");
    if (per) {
      if (PER_ITEM.test(per)) choice.per = "每项";
      else if (PER_FINDING.test(per)) choice.per = "每处";
      else
        problems.push(
          `${at}（${rule.id}）的「扣分方式」写作「${per}」，应为「每项」（一条规则扣一次）或「每处」`,
        );
    }
    if (choice.points !== undefined) choice.per ??= "每项";
    const key = get("参数");
    const value = col.参数值 >= 0 ? cellText(row[col.参数值]).trim() : "";
    if (!key && !value) return;
    const params = rule.params ?? [];
    const p = key ? params.find((x) => x.key === key) : params.length === 1 ? params[0] : undefined;
    if (!p) {
      problems.push(
        params.length
          ? `${at}（${rule.id}）的参数「${key || "（未写）"}」不是这条规则的参数（可用：${params.map((x) => x.key).join("、")}）`
          : `${at}（${rule.id}）这条规则没有参数，却写了「${key || value}」`,
      );
      return;
    }
    if (!value) return;
    if (!paramValid(p.kind, value))
      problems.push(`${at}（${rule.id}）的「${p.key}」写作「${value}」，${KIND_WORDS[p.kind]}`);
    else choice.params[p.key] = value;
  });
  if (problems.length)
    throw new Error(`「${from}」中的审核要点有${problems.length}处无法使用：${problems.join("；")}`);
  return set;
}

const KIND_WORDS = {
  date: "应为日期，如「1月31日」（报告年度的次年）或「2026年1月28日」",
  share: "应为比例，如「50%」",
  count: "应为整数，如「1000」",
};

/** A .json rule set: rows keyed by the column names (an array, or under 「审核要点」/"rules"). */
export function ruleSetFromJson(text: string, from: string): RuleSet {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`「${from}」不是有效的 JSON：${(e as Error).message}`);
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === "object"
      ? ((data as Record<string, unknown>)[RULE_SHEET_NAME] ?? (data as Record<string, unknown>).rules)
      : undefined;
  if (!Array.isArray(list) || !list.every((x) => x && typeof x === "object" && !Array.isArray(x)))
    throw new Error(
      `「${from}」应为审核要点的数组（每项为 {"编号": "R1", "启用": "是", "处理": "需修改", "参数": "部门截止日期", "参数值": "1月31日"}），或写在「${RULE_SHEET_NAME}」之下`,
    );
  const rows: Cell[][] = [[...RULE_COLUMNS]];
  for (const item of list as Record<string, unknown>[]) {
    const value = (k: Column): Cell => {
      const v = item[k];
      return typeof v === "boolean"
        ? v
          ? "是"
          : "否"
        : typeof v === "number"
          ? v
          : typeof v === "string"
            ? v
            : "";
    };
    rows.push(RULE_COLUMNS.map(value));
  }
  return ruleSetFromRows(rows, from);
}

/** The set as the review writes it (the 审核要点 sheet): every rule, its choices, and its source. */
export function ruleSetRows(set: RuleSet): string[][] {
  const rows: string[][] = [];
  for (const r of RULES) {
    const c = set.rules[r.id];
    const on = c?.on ?? r.on;
    const handling = c?.handling ?? r.handling;
    const params = r.params ?? [];
    const first = params[0];
    rows.push([
      r.id,
      r.name,
      on ? "是" : "否",
      handling,
      first?.key ?? "",
      first ? (c?.params[first.key] ?? first.value) : "",
      c?.points !== undefined ? String(c.points) : "",
      c?.points !== undefined ? (c.per ?? "每项") : "",
      r.source,
    ]);
    for (const p of params.slice(1))
      rows.push([r.id, "", "", "", p.key, c?.params[p.key] ?? p.value, "", "", ""]);
  }
  return rows;
}
