/**
 * Related compounds (MS-SMB2 3.2.4.1.4): small operations that would cost several round trips
 * (CREATE, an operation on the new handle, CLOSE) sent as one chain in one frame. A chain is one
 * send/recv request ({@link dev.smbco.client.compound.RelatedChain}); whether it travels as a
 * compound or as separate requests is decided here ({@link dev.smbco.client.compound.Compounding}),
 * never by the caller. The engine only knows how to send a chain of exchanges in one frame
 * ({@code SmbEngine.submitChain}).
 */
package dev.smbco.client.compound;
