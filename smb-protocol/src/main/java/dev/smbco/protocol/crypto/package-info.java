/**
 * SMB 2/3 message security: MS-SMB2 3.1.4.1 signing ({@link dev.smbco.protocol.crypto.MessageSigner}:
 * HMAC-SHA256, AES-CMAC, AES-GMAC), 3.1.4.3 encryption ({@link dev.smbco.protocol.crypto.MessageEncryptor},
 * {@link dev.smbco.protocol.crypto.MessageDecryptor}, {@link dev.smbco.protocol.crypto.TransformHeader}:
 * AES-128/256-CCM/GCM), 3.1.4.2 key derivation ({@link dev.smbco.protocol.crypto.Kdf},
 * {@link dev.smbco.protocol.crypto.SessionKeys}) and the 3.1.1 preauth integrity hash
 * ({@link dev.smbco.protocol.crypto.PreauthIntegrity}).
 *
 * <p>Everything runs on the JDK's providers (AES-NI, CLMUL and SHA intrinsics); CCM and CMAC, which
 * the JDK lacks, are assembled here from its AES/CBC, AES/CTR and AES/ECB. Signer, encryptor and
 * decryptor objects are made once per session with their key and are not thread-safe: use each
 * from the connection's event-loop thread.
 */
package dev.smbco.protocol.crypto;
