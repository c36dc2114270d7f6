/** MS-ERREF 2.3 NTSTATUS values: {@link dev.smbco.protocol.status.NtStatus}. */
package dev.smbco.protocol.status;
