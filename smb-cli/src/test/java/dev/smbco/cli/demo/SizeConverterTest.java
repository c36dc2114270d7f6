package dev.smbco.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class SizeConverterTest {
    private final SizeConverter c = new SizeConverter();

    @Test
    void binaryUnits() {
        assertThat(c.convert("512M")).isEqualTo(512L << 20);
        assertThat(c.convert("1g")).isEqualTo(1L << 30);
        assertThat(c.convert("64KiB")).isEqualTo(64L << 10);
        assertThat(c.convert("1000")).isEqualTo(1000L);
        assertThat(c.convert("0")).isZero();
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> c.convert("lots")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> c.convert("-5M")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> c.convert("65G")).isInstanceOf(TypeConversionException.class);
    }
}
