package dev.smbco.testserver;

/** The private local smbd path (docker/samba-setup.sh local): pinned, so CI runs it for real. */
@UseSamba(backend = SambaBackend.LOCAL)
class LocalSmbdTest extends ServerPathContract {
    @Override
    SambaBackend backend() {
        return SambaBackend.LOCAL;
    }
}
