package dev.smbco.it.nio;

import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.UseSamba;

/** The java.nio contract against a private smbd on a loopback port. */
@UseSamba(backend = SambaBackend.LOCAL)
class FilesContractLocalSmbdTest extends FilesContract {
}
