package dev.smbco.hadoop.contract;

import dev.smbco.client.NoLeaks;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.contract.AbstractContractCreateTest;
import org.apache.hadoop.fs.contract.AbstractFSContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Hadoop's {@code AbstractContractCreateTest} against Samba. */
@ExtendWith({SambaExtension.class, NoLeaks.class})
class SmbContractCreateTest extends AbstractContractCreateTest {
    @BeforeAll
    static void samba(SambaServer server) {
        SmbContract.use(server);
    }

    @Override
    protected AbstractFSContract createContract(Configuration conf) {
        return new SmbContract(conf);
    }
}
