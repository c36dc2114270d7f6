/**
 * MS-FSCC (File System Control Codes) information structures that an SMB2 client sends in
 * SET_INFO and receives from QUERY_INFO, QUERY_DIRECTORY and CHANGE_NOTIFY: file information
 * classes (section 2.4), file system information classes (2.5), file attributes (2.6) and
 * FILE_NOTIFY_INFORMATION (2.7.1).
 *
 * <p>Each structure is an immutable record with {@code encode(ByteBuf)} and a static
 * {@code decode(ByteBuf)}. A decoder reads from the buffer's reader index and never past its
 * writer index; it advances the reader index over what it consumed, ignores trailing bytes
 * after a fixed-size structure (servers may pad), and on malformed input throws only
 * {@link dev.smbco.protocol.SmbDecodeException}. Lists linked by NextEntryOffset (directory
 * listings, streams, change notifications) decode from the whole readable region.
 *
 * <p>Section numbers are given as in a recent MS-FSCC revision (FileBasicInformation 2.4.7,
 * FileRenameInformation for SMB2 2.4.42.2); revisions that add classes shift the later numbers by
 * one or more, so the section title (the structure name) is the stable reference.
 * Names are UTF-16LE code units copied one to one, so every Java string (including characters
 * outside the BMP) round-trips exactly. Times are FILETIME values ({@link dev.smbco.protocol.FileTime}).
 */
package dev.smbco.protocol.fscc;
