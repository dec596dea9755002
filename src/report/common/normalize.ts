/**
 * Text normalisation for matching what people type against the vocabularies: full-width and half-width
 * forms unified (NFKC), letters lower-cased, spaces, quotes and separators dropped, leading numbering such as
 * "（三）" or "1." kept (it is part of printed labels) unless a caller strips it.
 */

const DROP = /[\s\u3000"'“”‘’「」『』\-‐‑–—―_:：/／\\·・、,，;；]/g;

export function normalizeText(value: string): string {
  return value.normalize("NFKC").toLowerCase().replace(DROP, "");
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
