package dev.smbco.cli.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressFormatTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void bytesUseBinaryUnits() {
        assertThat(ProgressFormat.bytes(0)).isEqualTo("0 B");
        assertThat(ProgressFormat.bytes(1023)).isEqualTo("1023 B");
        assertThat(ProgressFormat.bytes(1024)).isEqualTo("1.0 KiB");
        assertThat(ProgressFormat.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(ProgressFormat.bytes(512L << 20)).isEqualTo("512.0 MiB");
        assertThat(ProgressFormat.bytes((1L << 20) - 1)).isEqualTo("1.0 MiB");
        assertThat(ProgressFormat.bytes(3L << 40)).isEqualTo("3.0 TiB");
        assertThat(ProgressFormat.bytes(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
    }

    @Test
    void rateAndDuration() {
        assertThat(ProgressFormat.rate(100L << 20, 2 * SECOND)).isEqualTo("50.0 MiB/s");
        assertThat(ProgressFormat.rate(5, 0)).isEqualTo("- B/s");
        assertThat(ProgressFormat.duration(SECOND / 2)).isEqualTo("0.5 s");
        assertThat(ProgressFormat.duration(187 * SECOND)).isEqualTo("3:07");
        assertThat(ProgressFormat.duration(3723 * SECOND)).isEqualTo("1:02:03");
    }

    @Test
    void etaFromTheAverageRate() {
        assertThat(ProgressFormat.eta(25, 100, 10 * SECOND)).isEqualTo("0:30");
        assertThat(ProgressFormat.eta(0, 100, SECOND)).isEqualTo("--:--");
        assertThat(ProgressFormat.eta(100, 100, SECOND)).isEqualTo("0:00");
        assertThat(ProgressFormat.eta(1, Long.MAX_VALUE / 4, SECOND)).isEqualTo("--:--");
    }

    @Test
    void lineHasPercentBarBytesRateEtaAndFits() {
        String line = ProgressFormat.line(256L << 20, 512L << 20, 4 * SECOND, 79);
        assertThat(line).startsWith(" 50% [").contains("256.0 MiB / 512.0 MiB").contains("64.0 MiB/s").endsWith("ETA 0:04");
        assertThat(line.length()).isLessThanOrEqualTo(79);
        assertThat(ProgressFormat.line(0, 0, SECOND, 79)).startsWith("100% [");
        assertThat(ProgressFormat.line(2048, -1, SECOND, 79)).isEqualTo("2.0 KiB  2.0 KiB/s");
        assertThat(ProgressFormat.line(1, 2, SECOND, 30).length()).isLessThanOrEqualTo(30);
    }

    @Test
    void barShape() {
        assertThat(ProgressFormat.bar(0, 10)).isEqualTo(">         ");
        assertThat(ProgressFormat.bar(50, 10)).isEqualTo("=====>    ");
        assertThat(ProgressFormat.bar(100, 10)).isEqualTo("==========");
    }

    @Test
    void summary() {
        assertThat(ProgressFormat.summary("copied", 301, 512L << 20, 8 * SECOND))
                .isEqualTo("copied 301 files, 512.0 MiB in 8.0 s (64.0 MiB/s)");
        assertThat(ProgressFormat.summary("copied", 1, 5, SECOND)).isEqualTo("copied 1 file, 5 B in 1.0 s (5 B/s)");
    }

    @Test
    void partNamesAreHiddenAndRecognisable() {
        String part = PartialFiles.partName("report.pdf");
        assertThat(part).startsWith(".report.pdf.smbco-part-").hasSize(".report.pdf.smbco-part-".length() + 6);
        assertThat(PartialFiles.isPartName(part)).isTrue();
        assertThat(PartialFiles.isPartName("report.pdf")).isFalse();
        assertThat(PartialFiles.partName("x".repeat(240))).startsWith(".smbco-part-");
    }
}
