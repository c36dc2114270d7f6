package dev.smbco.it.nio;

import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.UseSamba;

/** The java.nio contract against the Samba container (Testcontainers). */
@UseSamba(backend = SambaBackend.CONTAINER)
class FilesContractContainerTest extends FilesContract {
}
