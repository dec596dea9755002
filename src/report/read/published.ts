/**
 * When a report was published or signed, and where that date was read (R1): the date line under its title, its
 * 落款 date, a saved page's 发布日期, a PDF's creation date (a last resort, said so), or the units list's column.
 */

export interface PublishedDate {
  /** YYYY-MM-DD. */
  date: string;
  /** Where it was read, in the reviewer's words: 「标题下的日期」「落款日期」「网页的发布日期」…. */
  source: string;
  /** Read only from a PDF's creation date: a last resort, named so in every finding. */
  weak?: boolean;
}
