/**
 * MS-SMB2 message bodies: one immutable record per command and direction, each opening with its
 * specification section and commenting every field.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Requests implement {@link dev.smbco.protocol.Smb2Request}: {@code encode(ByteBuf)} writes
 *       the body right after the 64-byte header the connection wrote (offsets count from the
 *       header). Each also has a {@code static decode(ByteBuf)}; {@link RequestDecoder} dispatches.</li>
 *   <li>Responses implement {@link dev.smbco.protocol.Smb2Response} and have
 *       {@code static decode(ByteBuf)} plus {@code encode(ByteBuf)} (for tests and test servers);
 *       {@link ResponseDecoder} chooses the command body or the {@link ErrorResponse} by the
 *       MS-SMB2 3.3.4.4 rule.</li>
 *   <li>Decoders follow {@link dev.smbco.protocol.Wire}'s convention and throw only
 *       {@link dev.smbco.protocol.SmbDecodeException}; every length, offset and count is checked
 *       before it touches a buffer or sizes an allocation.</li>
 *   <li>Framing: {@link DirectTcp} (transport prefix) and {@link Compound} (NextCommand chains,
 *       walked without copying).</li>
 * </ul>
 *
 * <h2>Who releases what</h2>
 * <ul>
 *   <li>{@link PayloadResponse}s ({@link ReadResponse}, {@link QueryDirectoryResponse},
 *       {@link QueryInfoResponse}, {@link ChangeNotifyResponse}, {@link IoctlResponse}) hold a
 *       retained slice of the received frame: their holder calls {@code release()} once. The
 *       frame's own owner releases the frame independently.</li>
 *   <li>Small variable parts (security tokens, error data, SET_INFO/IOCTL inputs, create context
 *       data) are copied into {@code byte[]}; records holding arrays compare them by content.
 *       Treat those arrays as read-only.</li>
 *   <li>{@link WriteRequest} does not own its data: encoding neither releases it nor moves its
 *       indices; use {@link WriteRequest#encodeFixed} plus a composite buffer to send it without a copy.</li>
 *   <li>{@link Compound#split} and {@link Compound#forEach} hand out unretained windows of the frame.</li>
 * </ul>
 */
package dev.smbco.protocol.smb2;
