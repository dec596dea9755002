/**
 * 报告信息 (项目 | 内容): the agency, year, format, date and contacts; 上年结转 per applicant type; narrative
 * texts keyed by section.
 */
import { cellDays, cellNumber, cellText, isEmptyCell } from "../common/cells";
import type { SheetData } from "../common/cells";
import { formatDaysChinese } from "../common/dates";
import type { FormatDef, FormatId } from "../formats";
import { isFormatId } from "../formats";
import { IssueSink } from "../register/registers";
import type { RowIssue } from "../register/registers";
import { normalizeText } from "../common/normalize";
import { applicantVocabulary, Vocabulary } from "../register/vocab";

export interface ReportInfo {
  agency?: string;
  /** How the agency calls itself in sentences (本局, 本委); default 本机关. */
  selfName?: string;
  year?: number;
  format?: FormatId;
  /** 成文日期 as "2026年1月20日". */
  date?: string;
  address?: string;
  postcode?: string;
  phone?: string;
  email?: string;
  website?: string;
  /** 上年结转 per applicant column key, when given. */
  carry?: Record<string, number>;
  /** Narrative texts by key (e.g. "总体情况-主动公开"), as written. */
  narratives: Record<string, string>;
}

const FIELDS: Record<string, string[]> = {
  agency: ["机关名称", "单位名称", "机关", "报告机关"],
  selfName: ["简称", "自称", "本机关称谓"],
  year: ["报告年度", "年度", "统计年度"],
  format: ["报告格式", "格式"],
  date: ["成文日期", "落款日期", "报告日期"],
  address: ["联系地址", "地址", "通讯地址"],
  postcode: ["邮政编码", "邮编"],
  phone: ["联系电话", "电话"],
  email: ["电子邮箱", "邮箱", "email", "e-mail"],
  website: ["发布网址", "网址", "网站"],
};

/** Narrative keys the report uses; any 项目 outside these and the fields above is kept with a warning. */
export const NARRATIVE_KEYS = [
  "总体情况",
  "总体情况-主动公开",
  "总体情况-依申请公开",
  "总体情况-政府信息管理",
  "总体情况-政府信息公开平台建设",
  "总体情况-监督保障",
  "存在的主要问题",
  "改进措施",
  "其他需要报告的事项",
  "机构和人员",
  "工作制度",
  "公开目录和指南",
  "公开载体",
  "围绕上级工作推进",
  "澄清虚假信息",
  "网站更新",
  "接待场所",
];

const fieldVocab = new Vocabulary(
  "项目",
  Object.values(FIELDS)
    .map((v) => v[0])
    .join("、"),
  Object.entries(FIELDS).flatMap(([key, names]) => names.map((spelling) => ({ key, spelling }))),
);

const narrativeByNormal = new Map(NARRATIVE_KEYS.map((k) => [normalizeText(k), k]));

export function readInfo(
  format: FormatDef,
  sheet: SheetData | undefined,
): { info: ReportInfo; issues: RowIssue[] } {
  const info: ReportInfo = { narratives: {} };
  if (!sheet) return { info, issues: [] };
  const sink = new IssueSink(sheet.name);
  const applicants = applicantVocabulary(format);
  const first = sheet.firstRow ?? 1;
  sheet.rows.forEach((row, i) => {
    const rn = first + i;
    const k = row[0];
    const v = row[1];
    if (typeof k !== "string" || !k.trim()) return;
    const name = k.trim();
    const n = normalizeText(name);
    if (n === "项目" || isEmptyCell(v)) return;
    const text = cellText(v).trim();
    const field = fieldVocab.lookup(name);
    if (field) {
      switch (field.key) {
        case "year": {
          const y = cellNumber(v);
          if (Number.isInteger(y) && y >= 2000 && y <= 2100) info.year = y;
          else sink.badNumber(rn, name, v, "年份（如 2025）");
          break;
        }
        case "format": {
          const f = text.replace(/年.*$/, "");
          if (isFormatId(f)) info.format = f;
          else
            sink.add(
              rn,
              name,
              v,
              `第${rn}行「报告格式」的值「${text}」无法识别，可填写：2021、2019、2008`,
              "unknownValue",
            );
          break;
        }
        case "date": {
          const d = cellDays(v);
          if (Number.isNaN(d)) sink.badDate(rn, name, v);
          else info.date = formatDaysChinese(d);
          break;
        }
        default:
          (info as unknown as Record<string, string>)[field.key] = text;
      }
      return;
    }
    if (n.startsWith(normalizeText("上年结转"))) {
      const rest = name
        .normalize("NFKC")
        .replace(/^上年结转/, "")
        .replace(/^[\s\-—:：(（]+|[)）\s]+$/g, "");
      const hit = applicants.lookup(rest);
      const count = cellNumber(v);
      if (!hit) sink.badValue(rn, "项目", k, applicants);
      else if (!(Number.isInteger(count) && count >= 0)) sink.badNumber(rn, name, v, "不小于0的整数");
      else (info.carry ??= {})[hit.key] = count;
      return;
    }
    const narrative = narrativeByNormal.get(n);
    info.narratives[narrative ?? name] = text;
    if (!narrative)
      sink.add(
        rn,
        "项目",
        k,
        `第${rn}行的项目「${name}」未识别，已作为叙述文字保留`,
        "unknownValue",
        "warning",
      );
  });
  return { info, issues: sink.issues };
}

/** The items a new 报告信息 sheet lists, in order: the fields by their first name, then three narratives. */
const INFO_SHEET_FIELDS = [
  "agency",
  "year",
  "format",
  "date",
  "address",
  "postcode",
  "phone",
  "email",
  "website",
  "selfName",
];
const INFO_SHEET_NARRATIVES = ["存在的主要问题", "改进措施", "其他需要报告的事项"];

/** A new 报告信息 sheet: 项目 | 内容, with the year and format filled in. */
export function infoSheetRows(format: FormatDef, year: number): (string | number)[][] {
  const value: Record<string, string | number> = { year, format: format.id };
  return [
    ["项目", "内容"],
    ...INFO_SHEET_FIELDS.map((k) => [FIELDS[k][0], value[k] ?? ""]),
    ...INFO_SHEET_NARRATIVES.map((n) => [n, ""]),
  ];
}

/** The report year when none is given: 报告年度, else the year before `today`'s. */
export function defaultYear(info: ReportInfo, today: Date): number {
  return info.year ?? today.getFullYear() - 1;
}
