/**
 * A review's units as offices name them (test/corpus/unit-names.json). A file's name says which unit sent it in
 * many ways — 「01-司法局（扫描件）.pdf」, 「某县司法局2025年度政府信息公开工作年度报告（终稿）.docx」, 「司法局 - 副本.pdf」 —:
 * unitNameFromFile drops the notes, the numbering, the year and the title's words (the data below). A name (from
 * a file, a title or 报告信息) is matched to the reviewer's list by matchUnit: the same name; else the same once
 * the county's name before a body is set aside; else exactly one list name ending with it (司法局 → 某县司法局);
 * else the same under the short forms offices use (ABBREVIATIONS: 发改局 = 发展和改革局, 城关镇 = 城关镇人民政府…,
 * a short form inside a longer name too). Two or more candidates at a step: no match, the candidates named, for
 * the reviewer to decide — never a guess. The same matching finds a unit's report of last year (unitFinder).
 * Whether a file in a review's folder says it is a report at all (a letter or a note does not): saysReport.
 */
import { FORMATS } from "./formats";

/**
 * Notes people add to a file's name — which draft, a copy, a scan —, dropped wherever they stand in brackets.
 * Those of two characters or more are dropped at the end without brackets too (司法局 - 副本, 司法局定稿).
 */
export const FILE_NAME_NOTES = [
  "扫描件",
  "扫描版",
  "扫描",
  "终稿",
  "定稿",
  "修改稿",
  "修订稿",
  "修改版",
  "修订版",
  "最终稿",
  "最终版",
  "正式稿",
  "正式版",
  "发布稿",
  "发布版",
  "公开版",
  "超链版",
  "无障碍版",
  "网页版",
  "网站版",
  "盖章版",
  "盖章稿",
  "已盖章",
  "盖章",
  "签章版",
  "签章",
  "电子版",
  "打印版",
  "送审稿",
  "审定稿",
  "报审稿",
  "征求意见稿",
  "初稿",
  "草稿",
  "的副本",
  "副本",
  "复件",
  "备份",
  "pdf版",
  "word版",
  "wps版",
  "最新版",
  "最新",
  "新版",
  "修改后",
  "更正版",
  "第二版",
  "二稿",
  "三稿",
  "新",
  "改",
  "已改",
  "修改",
  "更正",
];

/**
 * Short forms of bodies' names as offices write them, each [short, long] — the same body either way, in either
 * direction, and inside a longer name (某县发改局 = 某县发展和改革局). Names are compared after 委员会 → 委 and
 * 办公室/办公厅 → 办, so a long form written with 委员会 covers its 委 too. Add a pair where offices use another.
 */
export const ABBREVIATIONS: [string, string][] = [
  ["发改局", "发展和改革局"],
  ["发改局", "发展改革局"],
  ["发改委", "发展和改革委员会"],
  ["发改委", "发展改革委员会"],
  ["人社局", "人力资源和社会保障局"],
  ["人社局", "人力资源社会保障局"],
  ["卫健委", "卫生健康委员会"],
  ["卫健委", "卫生和健康委员会"],
  ["卫健局", "卫生健康局"],
  ["卫计委", "卫生和计划生育委员会"],
  ["住建局", "住房和城乡建设局"],
  ["住建局", "住房城乡建设局"],
  ["住建委", "住房和城乡建设委员会"],
  ["住建委", "住房城乡建设委员会"],
  ["交通局", "交通运输局"],
  ["市场监管局", "市场监督管理局"],
  ["自然资源局", "自然资源和规划局"],
  ["自然资源局", "自然资源规划局"],
  ["生态环境局", "环境保护局"],
  ["生态环境局", "环保局"],
  ["应急局", "应急管理局"],
  ["文广旅局", "文化广电和旅游局"],
  ["文广旅局", "文化广电旅游局"],
  ["文广体旅局", "文化广电体育和旅游局"],
  ["文旅局", "文化和旅游局"],
  ["文旅局", "文化旅游局"],
  ["政务服务中心", "政务服务管理局"],
  ["政务服务中心", "政务服务管理中心"],
  ["政数局", "政务服务和大数据管理局"],
  ["大数据局", "大数据管理局"],
  ["科技局", "科学技术局"],
  ["工信局", "工业和信息化局"],
  ["经信局", "经济和信息化局"],
  ["经信局", "经济信息化局"],
  ["教体局", "教育和体育局"],
  ["教体局", "教育体育局"],
  ["退役军人局", "退役军人事务局"],
  ["医保局", "医疗保障局"],
  ["审批局", "行政审批服务局"],
  ["审批局", "行政审批局"],
  ["民宗局", "民族宗教事务局"],
  ["民宗局", "民族和宗教事务局"],
  ["城管局", "城市管理局"],
  ["综合执法局", "综合行政执法局"],
  ["机关事务局", "机关事务管理局"],
  ["林草局", "林业和草原局"],
  ["人防办", "人民防空办公室"],
  ["国资委", "国有资产监督管理委员会"],
  ["供销社", "供销合作社联合社"],
  ["供销社", "供销合作社"],
  ["管委会", "管理委员会"],
  ["政府办", "人民政府办公室"],
  ["政府办", "政府办公室"],
  ["县政府办", "县府办"],
  ["市政府办", "市府办"],
  ["区政府办", "区府办"],
  ["街道", "街道办事处"],
  ["街道", "街道办"],
  ["镇", "镇人民政府"],
  ["镇", "镇政府"],
  ["乡", "乡人民政府"],
  ["乡", "乡政府"],
  ["政府", "人民政府"],
];

/** Marks that separate the parts of a file's name, and that a name is compared without. */
const SEPARATORS = /[\s_\-—–~·•:：]+/g;
const PUNCTUATION = /[\s()（）【】[\]〔〕{}「」『』《》〈〉"“”'‘’·・.,，、:：;；\-_—–~]/g;

/** A name as compared: widths unified, spaces, brackets and punctuation gone. */
const compact = (s: string) => s.normalize("NFKC").replace(PUNCTUATION, "");
/** …and 委员会 written 委, 办公室 and 办公厅 办 (发展和改革委员会 → 发展和改革委). */
const plain = (s: string) =>
  compact(s)
    .replace(/委员会/g, "委")
    .replace(/办公室|办公厅/g, "办");

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const SHORT_OF = new Map(ABBREVIATIONS.map(([short, long]) => [plain(long), plain(short)]));
/** Every long form, longest first, replaced in one pass (a replaced part is not read again). */
const LONG_FORMS = new RegExp(
  [...SHORT_OF.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|"),
  "g",
);
/** A name with its long forms written short (某县发展和改革局 → 某县发改局, 城关镇人民政府 → 城关镇). */
const canon = (s: string) => plain(s).replace(LONG_FORMS, (m) => SHORT_OF.get(m) ?? m);

/** What a body's name ends with: only then is a county's name before it set aside. */
const BODY = /(局|委|办|院|厅|中心|街道|镇|乡|政府|处|会|社|所|站|队)$/;
/** Words that end in 县/区/市 without being a place (城市管理局, 社区服务中心). */
const NOT_PLACE = /(城市|社区|园区|景区|街区|市区|辖区)$/;

/** A unit's name as the place it belongs to (某县, 某市某县, or nothing) and the body's name after it. */
function placeAndBody(name: string): { place: string; body: string } {
  const whole = plain(name).replace(/政府信息公开(?:工作)?年度报告$/, "");
  let body = whole;
  for (;;) {
    const m = /^.{1,8}?[县区市旗](?=.{2,})/.exec(body);
    if (!m || !BODY.test(body) || NOT_PLACE.test(m[0]))
      return { place: whole.slice(0, whole.length - body.length), body };
    body = body.slice(m[0].length);
  }
}

/**
 * A unit's name as compared across years and files: widths, spaces and brackets gone; 委员会/办公室/办公厅
 * written 委/办; the 县/区/市 names of the governments it belongs to dropped while the rest still names a body
 * (某市某县发展和改革委员会 → 发展和改革委).
 */
export const unitKey = (name: string): string => placeAndBody(name).body;

/** Two names' places agree when one is not given or one ends with the other (某县, 某市某县); 某市 ≠ 某县. */
function samePlace(a: string, b: string): boolean {
  const [x, y] = [placeAndBody(a).place, placeAndBody(b).place];
  return !x || !y || x.endsWith(y) || y.endsWith(x);
}

/** Two names of one unit have the same key: unitKey under the short forms (发改局 and 某县发展和改革局). */
export const sameUnitKey = (name: string): string => canon(unitKey(name));

const NOTE_SET = new Set(FILE_NAME_NOTES.map((n) => n.normalize("NFKC").toLowerCase()));
const LONG_NOTES = FILE_NAME_NOTES.filter((n) => n.length >= 2)
  .sort((a, b) => b.length - a.length)
  .map(escape);
/** A year (2025, 2025年, 2025年度, 二〇二五年); 2025年报 is 2025 and 年报. */
const YEAR =
  /(?<!\d)(?:19|20)\d{2}\s*(?:年度|年(?!报))?(?!\d)|[一二][〇零Oo○◯九][〇零Oo○◯一二三四五六七八九]{2}\s*(?:年度|年(?!报))?/g;
const DATE = /(?<!\d)20\d{2}(?:[.\-/年]\d{1,2}月?(?:[.\-/]?\d{1,2}日?)?|\d{4})(?!\d)/g;
/** A report's title words, as file names carry them. */
const TITLE_WORDS =
  "(?:政府信息公开|政务信息公开|政务公开|信息公开|政府信息)?(?:工作)?(?:的)?(?:年度)?(?:工作)?(?:报告|年报)";
const TITLE_TAIL = new RegExp(`(?:关于)?${TITLE_WORDS}$`);
const TITLE_HEAD = new RegExp(`^${TITLE_WORDS}`);
const TRAILING_NOTE = new RegExp(
  `[\\s_\\-—–~·]*(?:${LONG_NOTES.join("|")}|v\\d+(?:\\.\\d+)?|(?<=[\\u4e00-\\u9fff\\s_\\-])\\d{1,2})$`,
  "i",
);
/** Numbering before the name: 01- 1. 1、 (1) 【1】 一、, and 附件1： before it. */
const NUMBERING =
  /^(?:附件\s*\d*\s*[:：\-_、.]?\s*)?(?:[(【[〔]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)】\]〕]|\d{1,3}(?=[^\d年])(?:\s*[-_.、):]\s*)?|[一二三四五六七八九十]{1,3}\s*[、.]|no\.?\s*\d+\s*[-_.、]?)\s*/i;
const BRACKETED = /[(【[〔{]([^()【】[\]〔〕{}]*)[)】\]〕}]/g;

/** Whether a bracket's words are only notes, numbers, dates or the title's words (（终稿）, (1), （2025年度）). */
function isNote(inner: string): boolean {
  return inner
    .replace(YEAR, " ")
    .split(/[\s_\-—–~·、,，+]+/)
    .filter(Boolean)
    .every(
      (w) =>
        NOTE_SET.has(w.toLowerCase()) ||
        /^[\d.]+$/.test(w) ||
        /^v\d+(\.\d+)?$/i.test(w) ||
        new RegExp(`^${TITLE_WORDS}$`).test(w),
    );
}

/** A file's name without its folder and its extensions (甲局.pdf.pdf → 甲局). */
function stemOf(file: string): string {
  let stem = file.replace(/^.*[\\/]/, "").replace(/\.[a-z0-9]{1,5}$/i, "");
  while (/\.(pdf|docx?|html?|mhtml?|xlsx?|csv|txt|json|wps|ofd)$/i.test(stem))
    stem = stem.replace(/\.[^.]+$/, "");
  return stem;
}

/**
 * A unit's name from its file's name, where nothing inside the file names it: the name without its folder and
 * extension, the numbering before it, notes in brackets or after it (（扫描件） (1) - 副本 定稿), dates, the year,
 * and the report's title words (01-某县司法局2025年度政府信息公开工作年度报告（终稿）.docx → 某县司法局). When nothing
 * is left (2025年政府信息公开工作年度报告.pdf), the file's name as it is.
 */
export function unitNameFromFile(file: string): string {
  const stem = stemOf(file);
  let s = stem
    .normalize("NFKC")
    .replace(/[《》〈〉"“”'‘’]/g, "")
    .trim()
    .replace(NUMBERING, "");
  for (let before = ""; before !== s;) {
    before = s;
    s = s
      .replace(DATE, " ")
      .replace(BRACKETED, (all, inner: string) => (isNote(inner) ? " " : all))
      .replace(YEAR, " ")
      .replace(/^[\s_\-—–~·:：]+|[\s_\-—–~·:：]+$/g, "")
      .replace(TRAILING_NOTE, "")
      .replace(TITLE_TAIL, "")
      .replace(TITLE_HEAD, "")
      .replace(/(?:关于|的)$/, "");
  }
  // Brackets kept in a name are written as Chinese names write them (NFKC made them narrow).
  return s.replace(SEPARATORS, "").replace(/\(/g, "（").replace(/\)/g, "）") || stem;
}

/** A name matched to a list: the list's name, or the names it may be (two or more), or null (none). */
export type UnitMatch = { name: string } | { between: string[] } | null;

/**
 * The list's name a unit's name stands for, step by step — the same name; the same key (unitKey: 某县司法局 =
 * 司法局); exactly one list name ending with it (司法局 → 某县司法局); the same under the short forms, or one
 * ending with it so (发改局 → 某县发展和改革局). The first step that finds any decides: one name is the match, two or
 * more are asked about (between), never chosen from.
 */
export function matchUnit(name: string, list: readonly string[]): UnitMatch {
  const n = compact(name);
  if (!n) return null;
  const same = list.find((e) => compact(e) === n);
  if (same !== undefined) return { name: same };
  const key = unitKey(name);
  const p = plain(name);
  const c = canon(name);
  const ck = sameUnitKey(name);
  const steps: ((e: string) => boolean)[] = [
    (e) => unitKey(e) === key && samePlace(e, name),
    (e) => p.length >= 2 && (plain(e).endsWith(p) || (unitKey(e).endsWith(key) && samePlace(e, name))),
    (e) => {
      const ce = canon(e);
      const cke = sameUnitKey(e);
      return (
        ce === c ||
        (c.length >= 2 && ce.endsWith(c)) ||
        (ck.length >= 2 && cke.endsWith(ck) && samePlace(e, name))
      );
    },
  ];
  for (const step of steps) {
    const found = [...new Set(list.filter(step))];
    if (found.length === 1) return { name: found[0] };
    if (found.length > 1) return { between: found };
  }
  return null;
}

/**
 * A finder over units read (last year's reports): a name's unit by matchUnit, or the names it may be. Of several
 * files of one unit (sameUnitKey), the first stands.
 */
export function unitFinder<T extends { unit: string }>(
  items: T[],
): (name: string) => T | { between: string[] } | undefined {
  const byName = new Map<string, T>();
  const keys = new Set<string>();
  for (const item of items) {
    const k = sameUnitKey(item.unit);
    if (keys.has(k)) continue;
    keys.add(k);
    byName.set(item.unit, item);
  }
  const names = [...byName.keys()];
  return (name) => {
    const m = matchUnit(name, names);
    if (!m) return undefined;
    return "between" in m ? m : byName.get(m.name);
  };
}

/** The names a unit may be, as a sentence names them: 「A」或「B」, 「A」、「B」或「C」. */
export function eitherOf(names: string[]): string {
  const q = names.map((n) => `「${n}」`);
  return q.length > 1 ? `${q.slice(0, -1).join("、")}或${q[q.length - 1]}` : (q[0] ?? "");
}

const squeeze = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
/** A report's title line: its words, no sentence in it; not a letter about the report (报送, 说明, 附件). */
const REPORT_TITLE =
  /(?:政府信息公开|政务信息公开|政务公开|信息公开)(?:工作)?(?:的)?(?:年度)?(?:工作)?(?:报告|年报)/;
const SENTENCE = /[。；;，,！!？?]/;
const ABOUT_REPORT = /报送|印发|转发|通知|请示|批复|^附件|函$|说明$|意见$/;
/** The section headings' words without their numbers, of every format (总体情况, 主动公开政府信息情况…). */
const SECTION_WORDS = Object.values(FORMATS).map((f) =>
  f.sections.map((s) => squeeze(s.heading).replace(/^[一二三四五六七八九十]+、/, "")),
);
const SECTION_MARK = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+)[、.,:：]?/;

/**
 * Whether a document says it is an annual report — by a title line (「…政府信息公开工作年度报告」, not a letter
 * sending one or a note about one), or by two or more of the report's section headings (一、总体情况 …). A letter
 * (报送函), a note (说明, 情况说明) or a cover page says neither: it is no unit of a review.
 */
export function saysReport(paragraphs: string[]): boolean {
  const lines = paragraphs.map(squeeze).filter(Boolean);
  const title = lines
    .slice(0, 40)
    .some((p) => p.length <= 80 && REPORT_TITLE.test(p) && !SENTENCE.test(p) && !ABOUT_REPORT.test(p));
  if (title) return true;
  return SECTION_WORDS.some((words) => {
    const hit = new Set<number>();
    for (const p of lines) {
      const m = SECTION_MARK.exec(p);
      if (!m) continue;
      const rest = p.slice(m[0].length);
      words.forEach((w, i) => rest.startsWith(w) && hit.add(i));
    }
    return hit.size >= 2;
  });
}
