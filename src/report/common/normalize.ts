/**
 * Text normalisation for matching what people type against the vocabularies: full-width and half-width
 * forms unified (NFKC), letters lower-cased, spaces, quotes and separators dropped, leading numbering such as
 * "（三）" or "1." kept (it is part of printed labels) unless a caller strips it.
 */

/**
 * The simplified-form CJK radicals (U+2E80 block) that PDF fonts' ToUnicode maps, and text copied from PDFs,
 * put in place of the characters themselves ("⻚" for "页"), by their equivalent ideograph in Unicode's
 * EquivalentUnifiedIdeograph.txt. The Kangxi radicals (U+2F00 block: "⼀", "⾏") are folded by NFKC.
 */
const RADICALS: Record<string, string> = {
  "\u2ea0": "民",
  "\u2ec4": "西",
  "\u2ec5": "见",
  "\u2ec6": "角",
  "\u2ec8": "讠",
  "\u2ec9": "贝",
  "\u2ecb": "车",
  "\u2ed0": "钅",
  "\u2ed3": "长",
  "\u2ed4": "门",
  "\u2ed7": "雨",
  "\u2ed8": "青",
  "\u2ed9": "韦",
  "\u2eda": "页",
  "\u2edb": "风",
  "\u2edc": "飞",
  "\u2edd": "食",
  "\u2ee0": "饣",
  "\u2ee2": "马",
  "\u2ee3": "骨",
  "\u2ee4": "鬼",
  "\u2ee5": "鱼",
  "\u2ee6": "鸟",
  "\u2ee7": "卤",
  "\u2ee8": "麦",
  "\u2ee9": "黄",
  "\u2eea": "黾",
  "\u2eec": "齐",
  "\u2eee": "齿",
  "\u2ef0": "龙",
  "\u2e9f": "母",
  "\u2ef3": "龟",
};
const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;

/** Radicals written for the characters they stand for ("⼀、总体情况", "⾸⻚") as those characters. */
export function foldRadicals(value: string): string {
  return value.replace(RADICAL, (c) => RADICALS[c] ?? c.normalize("NFKC"));
}

const DROP = /[\s\u3000"'“”‘’「」『』\-‐‑–—―_:：/／\\·・、,，;；]/g;

export function normalizeText(value: string): string {
  return foldRadicals(value).normalize("NFKC").toLowerCase().replace(DROP, "");
}

const NUMBERING = /^(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+[.、．]|\(\d+\))/;

/** Drops the numbering at the start of a label: "（三）不予公开" → "不予公开", "1.属于国家秘密" → "属于国家秘密". */
export function stripNumbering(label: string): string {
  let s = label.normalize("NFKC").trim();
  for (let m = NUMBERING.exec(s); m; m = NUMBERING.exec(s)) s = s.slice(m[0].length).trim();
  return s;
}

/** Display width of a string in a monospace terminal: CJK and full-width characters count two. */
export function displayWidth(value: string): number {
  let w = 0;
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    w +=
      code >= 0x1100 &&
      (code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6) ||
        code >= 0x20000)
        ? 2
        : 1;
  }
  return w;
}

/**
 * Punctuation faults in generated Chinese text: two marks in a row ("，；", "。。"), a clause mark before
 * a full stop, empty brackets, ASCII commas between Chinese characters, or text not ending in a full stop.
 */
export function punctuationFaults(text: string): string[] {
  const faults: string[] = [];
  const pair = /[，、；：,][，、；：。,]|。[，、；。]/g;
  for (const m of text.matchAll(pair)) faults.push(`连续标点「${m[0]}」`);
  if (/（）|\(\)/.test(text)) faults.push("空括号");
  if (/[\u4e00-\u9fff],|,[\u4e00-\u9fff]/.test(text)) faults.push("中文中使用了半角逗号");
  if (!/[。！？]$/.test(text)) faults.push("句子未以句号结束");
  if (/其中：?。|其中，/.test(text)) faults.push("「其中」后无内容");
  return faults;
}
