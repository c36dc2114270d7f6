/**
 * MS-DTYP data types that SMB2 carries in QUERY_INFO/SET_INFO (InfoType SMB2_0_INFO_SECURITY):
 * SIDs (2.4.2), ACCESS_MASK (2.4.3), ACEs (2.4.4), ACLs (2.4.5) and self-relative security
 * descriptors (2.4.6). Decoders read from the reader index to the writer index and throw only
 * {@link dev.smbco.protocol.SmbDecodeException} on malformed input.
 */
package dev.smbco.protocol.dtyp;
