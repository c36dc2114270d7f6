package dev.smbco.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {
    @Test
    void countsTheFieldsFromTheLastParenthesisWhateverTheCommandName() {
        ProcessCpu.Times t = ProcessCpu.parse("4242 (a) b (c)) S 17 4242 4242 0 -1 4194560 2046 889 0 0 5 1 7 3 20 0 1 0 7578662 83005440");

        assertThat(t).isEqualTo(new ProcessCpu.Times(4242, 17, "a) b (c)", 5, 1, 7, 3));
        assertThat(t.all()).isEqualTo(16);
    }

    @Test
    void aLineThatIsNotAStatLineIsRefused() {
        assertThatThrownBy(() -> ProcessCpu.parse("4242 smbd S 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessCpu.parse("4242 (smbd) S 1 2 3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void selfIsThisProcess() {
        ProcessCpu.Times t = ProcessCpu.self();

        assertThat(t.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(t.comm()).isNotEmpty();
    }

    @Test
    void aTreeCountsItsChildrenWhateverTheirCommandName() throws Exception {
        // the child burns CPU, then becomes "sleep": its ticks must be in this JVM's tree
        Process child = new ProcessBuilder("sh", "-c", "x=0; while [ $x -lt 300000 ]; do x=$((x+1)); done; exec sleep 60").start();
        try {
            Path stat = Path.of("/proc", String.valueOf(child.pid()), "stat");
            ProcessCpu.Times c = ProcessCpu.parse(Files.readString(stat));
            for (int i = 0; i < 600 && !c.comm().equals("sleep"); i++) {
                assertThat(child.waitFor(100, TimeUnit.MILLISECONDS)).as("the child exited early").isFalse();
                c = ProcessCpu.parse(Files.readString(stat));
            }
            assertThat(c.comm()).isEqualTo("sleep");
            assertThat(c.all()).isPositive();

            int self = (int) ProcessHandle.current().pid();
            long selfBefore = ProcessCpu.self().all();
            assertThat(ProcessCpu.treeTicks(self)).isGreaterThanOrEqualTo(selfBefore + c.all());
        } finally {
            child.destroy();
            child.waitFor();
        }
    }

    @Test
    void ticksConvertToMicroseconds() {
        assertThat(ProcessCpu.micros(ProcessCpu.ticksPerSecond())).isEqualTo(1e6);
    }
}
