/** Bad files the tests make at run time. */

/**
 * An OLE compound file, as old .xls/.doc files and password-protected Office files are; with the
 * "EncryptionInfo" stream name (UTF-16) that Office's encryption writes when `encrypted`.
 */
export function oleFile(encrypted: boolean, size = 4096): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(size);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  if (encrypted)
    b.set(
      [..."EncryptionInfo"].flatMap((c) => [c.charCodeAt(0), 0]),
      512,
    );
  return b;
}
