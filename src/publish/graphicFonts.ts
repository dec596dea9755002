/**
 * Node only: finding a font with Chinese glyphs on this machine, for the 图解's PNG (resvg draws only with the
 * font files it is given, and a missing glyph would be a box — 「豆腐块」). In this order:
 * 1. the file named by `--font` (the `font` option), then by the environment variable OGI_FONT — it must exist
 *    and have Chinese glyphs, else a Chinese error says so (never a silent fallback);
 * 2. the known places of the fonts each system ships (KNOWN_FONTS): Windows 微软雅黑 msyh.ttc, 黑体 simhei.ttf,
 *    宋体 simsun.ttc; 麒麟/统信 and Debian/Ubuntu Noto Sans CJK (fonts-noto-cjk), 文泉驿 wqy-microhei/zenhei
 *    (fonts-wqy-*), 思源黑体 Source Han Sans, AR PL (fonts-arphic-*), Droid Sans Fallback; Fedora's and Arch's
 *    folders of the same; macOS 苹方 PingFang, Hiragino Sans GB, 华文黑体 STHeiti;
 * 3. a scan of the font folders (FONT_DIRS, four levels deep) for font files whose names suggest Chinese
 *    (CJK_NAME: cjk, wqy, sourcehan, msyh, sim*, pingfang, ukai/uming, fz…).
 * Every candidate is opened and checked: a face of it must map 中文 characters (「政府信息公开」) in its cmap.
 * The family name resvg needs is read from the font's own name table (fontTables.ts).
 */
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from "fs";
import os from "os";
import path from "path";
import { fontFaces } from "./fontTables";
import type { FontFace } from "./fontTables";

export interface CjkFont {
  /** The font file. */
  file: string;
  /** The family to name in the SVG and to make resvg's default: "Noto Sans CJK SC", "Microsoft YaHei". */
  family: string;
  /** Files to load: the font and, when beside it, its bold (for the 图解's bold titles and numbers). */
  files: string[];
  /** The face chosen in each file (for fontSubset.ts). */
  faces: { file: string; face: FontFace }[];
  /** How it was found, in words for a notice: 「--font」「环境变量 OGI_FONT」「系统字体」「扫描字体目录」. */
  how: string;
  /** Whether the chosen face has a glyph for the code point. */
  has(codePoint: number): boolean;
}

export interface FontSearch {
  /** A font file the user named (`--font`). */
  font?: string;
  /** The environment (OGI_FONT); process.env unless given. */
  env?: Record<string, string | undefined>;
  /** Instead of KNOWN_FONTS (tests). */
  knownFonts?: string[];
  /** Instead of FONT_DIRS (tests). */
  fontDirs?: string[];
}

/** The characters a font must have to count as Chinese. */
const PROBE = "政府信息公开工作年度报告图解";

const WINDOWS_FONTS = path.join(process.env.WINDIR ?? process.env.SystemRoot ?? "C:\\Windows", "Fonts");

/** Where systems put the fonts they ship, best first. */
export const KNOWN_FONTS: string[] = [
  path.join(WINDOWS_FONTS, "msyh.ttc"),
  path.join(WINDOWS_FONTS, "msyh.ttf"),
  path.join(WINDOWS_FONTS, "simhei.ttf"),
  path.join(WINDOWS_FONTS, "simsun.ttc"),
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
  "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
  "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
  "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
  "/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Regular.otf",
  "/usr/share/fonts/opentype/adobe-source-han-sans/SourceHanSansSC-Regular.otf",
  "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
  "/usr/share/fonts/truetype/arphic/uming.ttc",
  "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
  "/System/Library/Fonts/PingFang.ttc",
  "/System/Library/Fonts/Hiragino Sans GB.ttc",
  "/System/Library/Fonts/STHeiti Light.ttc",
  "/Library/Fonts/Arial Unicode.ttf",
];

/** Folders fonts are installed in, on Windows, Linux (麒麟、统信 included) and macOS. */
export const FONT_DIRS: string[] = [
  WINDOWS_FONTS,
  path.join(
    process.env.LOCALAPPDATA ?? path.join(os.homedir(), "AppData", "Local"),
    "Microsoft",
    "Windows",
    "Fonts",
  ),
  "/usr/share/fonts",
  "/usr/local/share/fonts",
  path.join(os.homedir(), ".local", "share", "fonts"),
  path.join(os.homedir(), ".fonts"),
  "/System/Library/Fonts",
  "/Library/Fonts",
  path.join(os.homedir(), "Library", "Fonts"),
];

/** File names that suggest a Chinese font. */
const CJK_NAME =
  /cjk|wqy|wenquan|sourcehan|source-han|han[-_ ]?sans|han[-_ ]?serif|droidsansfallback|msyh|simhei|simsun|simkai|simfang|fangsong|kaiti|pingfang|hiragino ?sans ?gb|stheiti|heiti|songti|ukai|uming|arphic|^fz|noto.*(sc|tc|hk)\b|alibaba|harmonyos|misans|deepin|kylin|unifont/i;
const FONT_FILE = /\.(ttf|ttc|otf|otc)$/i;

/** What to install, for the message when no font is found. */
export const NO_CJK_FONT =
  "找不到中文字体，无法生成图解.png（图解.svg 照常写出，浏览器用本机的字体显示）。" +
  "请安装中文字体：Debian、Ubuntu、麒麟、统信执行 apt-get install fonts-noto-cjk（或 fonts-wqy-microhei），" +
  "Windows 自带微软雅黑；也可以用 --font <字体文件> 或环境变量 OGI_FONT 指定一个中文字体文件（.ttf、.ttc、.otf）。";

/** The faces of a font file, read through a file descriptor (a collection is never read whole). */
function facesOf(file: string): FontFace[] {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return [];
  }
  try {
    const read = (offset: number, length: number) => {
      const buf = Buffer.alloc(length);
      const n = readSync(fd, buf, 0, length, offset);
      return new Uint8Array(buf.buffer, buf.byteOffset, n);
    };
    const faces = fontFaces(read);
    // Resolve the cmap while the file is open: has() is asked later.
    for (const f of faces) f.has(0x4e2d);
    return faces;
  } catch {
    return [];
  } finally {
    closeSync(fd);
  }
}

const isChinese = (face: FontFace) => [...PROBE].every((ch) => face.has(ch.codePointAt(0) ?? 0));

/** Among a file's Chinese faces, the simplified-Chinese one (Noto's "… SC"), else the first. */
function chooseFace(faces: FontFace[]): FontFace | null {
  const chinese = faces.filter(isChinese);
  const proportional = chinese.filter((f) => !/mono/i.test(f.families[0]));
  const pool = proportional.length ? proportional : chinese;
  return pool.find((f) => f.families.some((n) => /\bSC\b|GB|简/.test(n))) ?? pool[0] ?? null;
}

/** The bold beside a regular: NotoSansCJK-Bold.ttc, msyhbd.ttc, SourceHanSansSC-Bold.otf. */
function boldBeside(file: string): string | null {
  const base = path.basename(file);
  const names = [
    base.replace(/Regular/, "Bold"),
    base.replace(/^msyh\./i, "msyhbd."),
    base.replace(/^(wqy-\w+)\./, "$1-bold."),
  ].filter((n) => n !== base);
  for (const name of names) {
    const bold = path.join(path.dirname(file), name);
    if (existsSync(bold)) return bold;
  }
  return null;
}

function candidate(file: string, how: string): CjkFont | null {
  const face = chooseFace(facesOf(file));
  if (!face) return null;
  const faces = [{ file, face }];
  const boldFile = boldBeside(file);
  const bold = boldFile && chooseFace(facesOf(boldFile));
  if (boldFile && bold && bold.families[0] === face.families[0]) faces.push({ file: boldFile, face: bold });
  return {
    file,
    family: face.families[0],
    files: faces.map((f) => f.file),
    faces,
    how,
    has: (cp) => face.has(cp),
  };
}

/** Font files under a folder, names suggesting Chinese, breadth first, at most four levels down. */
function scan(dir: string, depth = 0, out: string[] = []): string[] {
  if (depth > 4 || out.length > 200) return out;
  let entries: { name: string; isDirectory(): boolean; isFile(): boolean }[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries)
    if (e.isFile() && FONT_FILE.test(e.name) && CJK_NAME.test(e.name)) out.push(path.join(dir, e.name));
  for (const e of entries) if (e.isDirectory()) scan(path.join(dir, e.name), depth + 1, out);
  return out;
}

/** A font file the user named: it must be a font with Chinese glyphs, else an error says which and why. */
function named(file: string, how: string): CjkFont {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new Error(`${how} 指定的字体文件「${file}」不存在，请检查路径。`);
  }
  if (!stat.isFile())
    throw new Error(`${how} 指定的「${file}」不是文件，请给出字体文件（.ttf、.ttc、.otf）。`);
  const faces = facesOf(file);
  if (!faces.length) throw new Error(`${how} 指定的「${file}」不是字体文件（.ttf、.ttc、.otf），请换一个。`);
  const found = candidate(file, how);
  if (!found)
    throw new Error(
      `${how} 指定的字体「${faces[0].families[0]}」（${file}）没有中文字形，用它生成的图片会显示成方框；请换一个中文字体。`,
    );
  return found;
}

/**
 * The Chinese font to draw the PNG with, or null when this machine has none (then NO_CJK_FONT says what to
 * install). A font the user named that is missing or not Chinese is an error, not a fallback.
 */
export function findCjkFont(search: FontSearch = {}): CjkFont | null {
  if (search.font) return named(search.font, "--font");
  const env = search.env ?? process.env;
  if (env.OGI_FONT) return named(env.OGI_FONT, "环境变量 OGI_FONT");
  for (const file of search.knownFonts ?? KNOWN_FONTS) {
    if (!existsSync(file)) continue;
    const found = candidate(file, "系统字体");
    if (found) return found;
  }
  for (const dir of search.fontDirs ?? FONT_DIRS)
    for (const file of scan(dir)) {
      const found = candidate(file, "扫描字体目录");
      if (found) return found;
    }
  return null;
}
