/** Bad files the tests make at run time. */
import { compoundFile } from "./cfb";

/**
 * An OLE compound file, as password-protected Office files are: with the "EncryptionInfo" and
 * "EncryptedPackage" streams Office's encryption writes when `encrypted`, else with one stream of neither
 * Word's nor Excel's (an OLE file of some other program). `size` pads the stream to about that many bytes.
 */
export function oleFile(encrypted: boolean, size = 4096): Uint8Array<ArrayBuffer> {
  const filler = new Uint8Array(Math.max(0, size - 2048));
  const bytes = encrypted
    ? compoundFile({ EncryptionInfo: new Uint8Array(200), EncryptedPackage: filler })
    : compoundFile({ Contents: filler });
  return new Uint8Array(bytes);
}
