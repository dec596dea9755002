/**
 * Pictures in an update in place: a part with a picture (the 图解) is rendered in a fresh package, where its
 * `r:embed` names a relationship of that package. Moving the part's XML into the report being updated moves its
 * pictures with it: each PNG is copied (as stored) into word/media under a new name, given a relationship of
 * the report's own, and the drawing's id (`wp:docPr`) made unique in the report — Word calls a document with two
 * drawings of one id unreadable. The picture the old content showed goes once nothing refers to it any more.
 */
import type { ZipEntry, ZipFile } from "./zip";
import { DocxError, setText, xmlText } from "./zip";

const RELS = "word/_rels/document.xml.rels";
const TYPES = "[Content_Types].xml";
const IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

interface Relationship {
  id: string;
  type: string;
  target: string;
  /** The element's text, to remove it. */
  xml: string;
}

const attr = (tag: string, name: string): string => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? "";

function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*?(?:\/>|>\s*<\/Relationship>)/g)].map((m) => ({
    id: attr(m[0], "Id"),
    type: attr(m[0], "Type"),
    target: attr(m[0], "Target"),
    xml: m[0],
  }));
}

/** The ids of the relationships a fragment of document.xml refers to (pictures, links). */
export const referencedIds = (xml: string): Set<string> =>
  new Set([...xml.matchAll(/\br:(?:embed|link|id)="([^"]+)"/g)].map((m) => m[1]));

/** A package path from a relationship's target (relative to word/, or absolute). */
const partName = (target: string) => (target.startsWith("/") ? target.slice(1) : `word/${target}`);

export class PictureCarrier {
  private rels: string;
  private readonly fresh: Relationship[];
  private nextDrawing: number;
  private n = 0;
  private added = false;

  constructor(
    private readonly zip: ZipFile,
    private readonly freshZip: ZipFile,
    documentXml: string,
    private readonly label: string,
  ) {
    this.rels = xmlText(zip, RELS, label) ?? "";
    this.fresh = relationships(xmlText(freshZip, RELS, "新报告") ?? "");
    const ids = [...documentXml.matchAll(/<wp:docPr\b[^>]*\sid="(\d+)"/g)].map((m) => Number(m[1]));
    this.nextDrawing = Math.max(0, ...ids) + 1;
  }

  /** The fresh content of a part, its pictures copied into the report and named by the report's relationships. */
  carry(content: string): string {
    if (!/\br:embed="/.test(content)) return content;
    if (!this.rels) throw new DocxError(`「${this.label}」缺少 ${RELS}，无法放入图片，没有写出任何文件`);
    const renamed = new Map<string, string>();
    for (const id of referencedIds(content)) {
      const rel = this.fresh.find((r) => r.id === id && r.type === IMAGE);
      const entry = rel && this.freshZip.entries.find((e) => e.name === partName(rel.target));
      if (!rel || !entry) throw new DocxError(`新生成的部分缺少图片（${id}），没有写出任何文件`);
      renamed.set(id, this.addImage(entry));
    }
    return content
      .replace(/\b(r:(?:embed|link|id))="([^"]+)"/g, (m, name: string, id: string) =>
        renamed.has(id) ? `${name}="${renamed.get(id)}"` : m,
      )
      .replace(/(<wp:docPr\b[^>]*?\sid=")\d+"/g, (_, head: string) => `${head}${this.nextDrawing++}"`);
  }

  private addImage(entry: ZipEntry): string {
    const taken = new Set(relationships(this.rels).map((r) => r.id));
    let id: string;
    let name: string;
    do {
      this.n++;
      id = `rIdOgi${this.n}`;
      name = `word/media/ogi-picture${this.n}.png`;
    } while (taken.has(id) || this.zip.entries.some((e) => e.name === name));
    this.zip.entries.push({ name, data: entry.data, raw: entry.raw });
    const element = `<Relationship Id="${id}" Type="${IMAGE}" Target="${name.slice("word/".length)}"/>`;
    this.rels = this.rels.replace(/<\/Relationships>\s*$/, `${element}</Relationships>`);
    this.added = true;
    return id;
  }

  /**
   * After the edits: the pictures `replaced` content showed that the new document no longer refers to are
   * removed, with their files where no relationship names them any more; the relationships and content types
   * written.
   */
  finish(replaced: string[], nextXml: string): void {
    const before = new Set(replaced.flatMap((c) => [...referencedIds(c)]));
    const still = referencedIds(nextXml);
    const gone = relationships(this.rels).filter(
      (r) => r.type === IMAGE && before.has(r.id) && !still.has(r.id),
    );
    if (!gone.length && !this.added) return;
    for (const r of gone) this.rels = this.rels.replace(r.xml, "");
    const named = new Set(relationships(this.rels).map((r) => partName(r.target)));
    const otherRels = this.zip.entries.filter((e) => e.name.endsWith(".rels") && e.name !== RELS);
    const elsewhere = (name: string) =>
      otherRels.some((e) =>
        (xmlText(this.zip, e.name, this.label) ?? "").includes(name.split("/").pop() as string),
      );
    this.zip.entries = this.zip.entries.filter(
      (e) => !gone.some((r) => partName(r.target) === e.name) || named.has(e.name) || elsewhere(e.name),
    );
    setText(this.zip, RELS, this.rels);
    this.ensurePngType();
  }

  private ensurePngType(): void {
    const types = xmlText(this.zip, TYPES, this.label);
    if (!types || !this.added || /<Default\b[^>]*Extension="png"/i.test(types)) return;
    setText(
      this.zip,
      TYPES,
      types.replace(/<\/Types>\s*$/, `<Default Extension="png" ContentType="image/png"/></Types>`),
    );
  }
}
