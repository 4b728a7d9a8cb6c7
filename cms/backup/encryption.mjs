import {
  createCipheriv,
  createDecipheriv,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { Transform } from 'node:stream';

import { BackupError } from './errors.mjs';

/*
 * The encrypted file: a header, then the plaintext in segments, each sealed on its own with
 * AES-256-GCM (the STREAM construction), so that neither side holds more than a segment in memory
 * and a reader never uses bytes that were not authenticated.
 *
 *   header   "VHBACKUP" | version (1 byte) | salt (32) | key check (16)
 *   segment  ciphertext length (u32, big-endian) | ciphertext | GCM tag (16)
 *
 * The segment key and the key check come from BACKUP_ENCRYPTION_KEY and the file's random salt
 * through HKDF-SHA256. Each segment's nonce is its number, with the last byte set on the final
 * segment: segments cannot be reordered, dropped or cut off at the end unnoticed. The header is
 * every segment's additional data. The key check tells a wrong key from a damaged file.
 */

const MAGIC = Buffer.from('VHBACKUP');
const VERSION = 1;
const SALT_BYTES = 32;
const CHECK_BYTES = 16;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 1 + SALT_BYTES + CHECK_BYTES;
/** Plaintext bytes per segment. */
export const SEGMENT_BYTES = 64 * 1024;

/** @param {Buffer} key @param {Buffer} salt */
const deriveKeys = (key, salt) => ({
  data: Buffer.from(hkdfSync('sha256', key, salt, 'vixenhealth backup v1 data', 32)),
  check: Buffer.from(hkdfSync('sha256', key, salt, 'vixenhealth backup v1 key check', CHECK_BYTES)),
});

/** @param {number} index @param {boolean} last */
const nonceOf = (index, last) => {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(index, 0, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
};

/**
 * A stream that encrypts what is written to it into the backup file format.
 * @param {Buffer} key 32 bytes (see `parseBackupKey`)
 * @returns {Transform}
 * @example
 * ```js
 * await pipeline(source, createGzip(), encryptStream(key), createWriteStream(file));
 * ```
 */
export const encryptStream = (key) => {
  const salt = randomBytes(SALT_BYTES);
  const keys = deriveKeys(key, salt);
  const header = Buffer.concat([MAGIC, Buffer.from([VERSION]), salt, keys.check]);
  let index = 0;
  /** @type {Buffer[]} */
  let pending = [];
  let pendingBytes = 0;

  /** @param {Buffer} plaintext @param {boolean} last */
  const seal = (plaintext, last) => {
    const cipher = createCipheriv('aes-256-gcm', keys.data, nonceOf(index++, last));
    cipher.setAAD(header);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    return Buffer.concat([length, body, cipher.getAuthTag()]);
  };

  return new Transform({
    construct(callback) {
      this.push(header);
      callback();
    },
    transform(chunk, _encoding, callback) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      // A full segment goes out once more follows it: the final one is sealed as final in flush.
      if (pendingBytes > SEGMENT_BYTES) {
        let buffered = Buffer.concat(pending);
        while (buffered.length > SEGMENT_BYTES) {
          this.push(seal(buffered.subarray(0, SEGMENT_BYTES), false));
          buffered = buffered.subarray(SEGMENT_BYTES);
        }
        pending = [buffered];
        pendingBytes = buffered.length;
      }
      callback();
    },
    flush(callback) {
      this.push(seal(Buffer.concat(pending), true));
      callback();
    },
  });
};

/** @param {string} why */
const corrupt = (why) =>
  new BackupError('ERR_BACKUP_CORRUPT', `The backup file is damaged or was altered (${why}).`);

/**
 * A stream that decrypts a backup file and passes on only authenticated plaintext.
 * @param {Buffer} key 32 bytes (see `parseBackupKey`)
 * @returns {Transform} errors with a `BackupError`: `ERR_BACKUP_NOT_A_BACKUP`,
 *   `ERR_BACKUP_WRONG_KEY` or `ERR_BACKUP_CORRUPT`.
 * @example
 * ```js
 * await pipeline(createReadStream(file), decryptStream(key), createGunzip(), sink);
 * ```
 */
export const decryptStream = (key) => {
  /** @type {ReturnType<typeof deriveKeys> | null} */
  let keys = null;
  /** @type {Buffer} */
  let header = Buffer.alloc(0);
  let buffered = Buffer.alloc(0);
  let index = 0;

  /** @param {Buffer} segment @param {boolean} last */
  const open = (segment, last) => {
    if (!keys) throw corrupt('no header');
    const body = segment.subarray(4, segment.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', keys.data, nonceOf(index, last));
    decipher.setAAD(header);
    decipher.setAuthTag(segment.subarray(segment.length - TAG_BYTES));
    try {
      const plaintext = Buffer.concat([decipher.update(body), decipher.final()]);
      index++;
      return plaintext;
    } catch (error) {
      throw new BackupError(
        'ERR_BACKUP_CORRUPT',
        `The backup file is damaged or was altered: segment ${index} fails authentication.`,
        { cause: error }
      );
    }
  };

  const readHeader = () => {
    if (!buffered.subarray(0, MAGIC.length).equals(MAGIC.subarray(0, buffered.length))) {
      throw new BackupError('ERR_BACKUP_NOT_A_BACKUP', 'This is not a VixenHealth backup file.');
    }
    if (buffered.length < HEADER_BYTES) return false;
    header = buffered.subarray(0, HEADER_BYTES);
    if (header[MAGIC.length] !== VERSION) {
      throw new BackupError(
        'ERR_BACKUP_NOT_A_BACKUP',
        `This backup has format version ${header[MAGIC.length]}, which this version cannot read.`
      );
    }
    const salt = header.subarray(MAGIC.length + 1, MAGIC.length + 1 + SALT_BYTES);
    keys = deriveKeys(key, salt);
    if (!timingSafeEqual(keys.check, header.subarray(HEADER_BYTES - CHECK_BYTES))) {
      throw new BackupError(
        'ERR_BACKUP_WRONG_KEY',
        'Wrong key: BACKUP_ENCRYPTION_KEY is not the key this backup was made with.'
      );
    }
    buffered = buffered.subarray(HEADER_BYTES);
    return true;
  };

  /** The size of the segment at the start of `buffered`, once its length is there. */
  const segmentSize = () => {
    if (buffered.length < 4) return null;
    const length = buffered.readUInt32BE(0);
    if (length > SEGMENT_BYTES) throw corrupt(`segment ${index} claims ${length} bytes`);
    return 4 + length + TAG_BYTES;
  };

  return new Transform({
    transform(chunk, _encoding, callback) {
      try {
        buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
        if (!keys && !readHeader()) return callback();
        // A segment is known not to be the last one when bytes follow it.
        for (let size = segmentSize(); size !== null && buffered.length > size;) {
          this.push(open(buffered.subarray(0, size), false));
          buffered = buffered.subarray(size);
          size = segmentSize();
        }
        callback();
      } catch (error) {
        callback(/** @type {Error} */ (error));
      }
    },
    flush(callback) {
      try {
        if (!keys && !readHeader()) throw corrupt('cut off in its header');
        const size = segmentSize();
        if (size === null || buffered.length !== size) throw corrupt('cut off');
        this.push(open(buffered, true));
        callback();
      } catch (error) {
        callback(/** @type {Error} */ (error));
      }
    },
  });
};
