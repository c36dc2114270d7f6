package dev.smbco.cli.demo;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Sizes like {@code 512M}, {@code 1G}, {@code 64K} or plain bytes (binary units). */
public final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String v = value.strip().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        long unit = 1;
        if (!v.isEmpty()) {
            switch (v.charAt(v.length() - 1)) {
                case 'K' -> unit = 1L << 10;
                case 'M' -> unit = 1L << 20;
                case 'G' -> unit = 1L << 30;
                default -> unit = 1;
            }
        }
        String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n < 0 || n > (64L << 30) / unit) {
                throw new TypeConversionException("size '" + value + "' must be from 0 to 64G");
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a size like 512M, 1G, 64K or 1000");
        }
    }
}
